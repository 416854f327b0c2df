package icp.filing.domain.subject;

import icp.filing.domain.error.InvalidValueException;
import icp.filing.domain.error.Reason;
import icp.filing.domain.identity.CreditCode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A credit code says what kind of unit holds it (91 企业, 11 机关 …); the declared nature must agree. The table is
 * data (code-tables/nature-credit-code-types.tsv), since registration practice changes and varies.
 */
public final class NatureCreditCodePolicy {
    private static final String TABLE = "/icp/filing/domain/code-tables/nature-credit-code-types.tsv";
    private static final Map<SubjectNature, Set<String>> ALLOWED = load();

    private NatureCreditCodePolicy() {
    }

    public static void check(SubjectNature nature, CreditCode code) {
        Set<String> allowed = ALLOWED.get(nature);
        if (allowed != null && !allowed.contains(code.authorityAndType())) {
            throw new InvalidValueException(Reason.NATURE_MISMATCH, "信用代码类型 " + code.authorityAndType()
                    + " 与主办单位性质「" + nature.chineseName() + "」不符 / the code's unit type does not fit the nature");
        }
    }

    private static Map<SubjectNature, Set<String>> load() {
        Map<SubjectNature, Set<String>> table = new HashMap<>();
        try (InputStream in = NatureCreditCodePolicy.class.getResourceAsStream(TABLE)) {
            if (in == null) {
                throw new IllegalStateException(TABLE + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line : reader.lines().toList()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                table.put(SubjectNature.byCode(Integer.parseInt(columns[0].trim())),
                        Set.copyOf(List.of(columns[1].trim().split(","))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(table);
    }
}
