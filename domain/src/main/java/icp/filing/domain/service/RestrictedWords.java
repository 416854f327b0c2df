package icp.filing.domain.service;

import icp.filing.domain.common.Text;
import icp.filing.domain.common.CodeTable;
import icp.filing.domain.common.Province;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words of the service guide that mark a name as political, as a state function or as public interest,
 * plus each province's own additions. Data, not code: the national list is a resource file.
 */
public final class RestrictedWords {
    private final Set<String> national;
    private final Map<Province, Set<String>> provincial;

    private RestrictedWords(Set<String> national, Map<Province, Set<String>> provincial) {
        this.national = Set.copyOf(national);
        this.provincial = Map.copyOf(provincial);
    }

    /** The national list of the guide. */
    public static RestrictedWords national() {
        return new RestrictedWords(load(), Map.of());
    }

    public RestrictedWords withProvinceAdditions(Map<Province, Set<String>> additions) {
        return new RestrictedWords(national, additions);
    }

    /** The restricted words the name contains, national and of the province, in the order they appear in it. */
    public List<String> foundIn(String typedName, Province province) {
        String name = Text.key(typedName); // full-width or not, a word is the same word
        Set<String> found = new LinkedHashSet<>();
        for (String word : national) {
            if (name.contains(word)) {
                found.add(word);
            }
        }
        for (String word : provincial.getOrDefault(province, Set.of())) {
            if (name.contains(word)) {
                found.add(word);
            }
        }
        List<String> ordered = new ArrayList<>(found);
        ordered.sort(java.util.Comparator.comparingInt(name::indexOf));
        return ordered;
    }

    private static Set<String> load() {
        Set<String> words = new LinkedHashSet<>();
        for (String[] row : CodeTable.rows("restricted-name-words.tsv")) {
            for (String word : row[1].split(",")) {
                words.add(word.strip());
            }
        }
        return words;
    }
}
