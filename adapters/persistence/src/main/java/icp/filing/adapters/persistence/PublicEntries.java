package icp.filing.adapters.persistence;

import icp.filing.application.port.PublicRegister.Entry;
import icp.filing.domain.number.FilingNumber;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The entries one set-based read found, told apart by the number each request item asked for. */
final class PublicEntries {
    private PublicEntries() {
    }

    /** A subject number gets all its services, a service number that one; a number found nowhere is absent. */
    static Map<String, List<Entry>> byNumber(Collection<FilingNumber> numbers, List<Entry> entries) {
        Map<String, List<Entry>> found = new LinkedHashMap<>();
        for (FilingNumber number : numbers) {
            String key = number.toString();
            List<Entry> of = entries.stream().filter(e -> number.isServiceNumber() ? e.serviceNumber().equals(key)
                    : e.subjectNumber().equals(key)).toList();
            if (!of.isEmpty()) {
                found.put(key, of);
            }
        }
        return found;
    }
}
