package icp.filing.adapters.persistence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The template values of an outbox entry as one text column: a line per value, {@code f<TAB>name<TAB>value} for a
 * field and {@code i<TAB>index<TAB>name<TAB>value} for an item's; tabs, line breaks and backslashes escaped. Plain
 * text rather than JSON so that the persistence adapter needs no mapper, and an operator can read a row.
 */
final class OutboxPayload {
    private OutboxPayload() {
    }

    record Values(Map<String, String> fields, List<Map<String, String>> items) {
    }

    static String encode(Map<String, String> fields, List<Map<String, String>> items) {
        StringBuilder text = new StringBuilder();
        fields.forEach((name, value) -> text.append("f\t").append(escape(name)).append('\t').append(escape(value))
                .append('\n'));
        for (int i = 0; i < items.size(); i++) {
            for (Map.Entry<String, String> value : items.get(i).entrySet()) {
                text.append("i\t").append(i).append('\t').append(escape(value.getKey())).append('\t')
                        .append(escape(value.getValue())).append('\n');
            }
        }
        return text.toString();
    }

    static Values decode(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        List<Map<String, String>> items = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\t", -1);
            if (parts[0].equals("f")) {
                fields.put(unescape(parts[1]), unescape(parts[2]));
            } else {
                int index = Integer.parseInt(parts[1]);
                while (items.size() <= index) {
                    items.add(new LinkedHashMap<>());
                }
                items.get(index).put(unescape(parts[2]), unescape(parts[3]));
            }
        }
        return new Values(fields, items);
    }

    /** A value on one line: backslash, tab, line feed and carriage return written {@code \\\\}, {@code \\t}, {@code \\n}, {@code \\r}. */
    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    static String unescape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char next = value.charAt(++i);
                out.append(switch (next) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> next;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
