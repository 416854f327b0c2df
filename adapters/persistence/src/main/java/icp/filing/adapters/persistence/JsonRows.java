package icp.filing.adapters.persistence;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what MariaDB's {@code JSON_ARRAYAGG(JSON_ARRAY(…))} gives: an array of rows, each an array of scalars
 * (strings, numbers, {@code true}/{@code false}, {@code null}). Only that shape, strictly: the text comes from our
 * own database, and anything else (a value cut short, say) is an error rather than a guess.
 */
final class JsonRows {
    private final String text;
    private int at;

    private JsonRows(String text) {
        this.text = text;
    }

    /** The rows, each value a String, a Long or BigDecimal, a Boolean or null; SQL NULL (no rows) is none. */
    static List<Object[]> parse(String json) {
        if (json == null) {
            return List.of();
        }
        JsonRows reader = new JsonRows(json);
        List<Object[]> rows = reader.rows();
        reader.skipSpace();
        if (reader.at != json.length()) {
            throw reader.error("text after the rows");
        }
        return rows;
    }

    private List<Object[]> rows() {
        List<Object[]> rows = new ArrayList<>();
        expect('[');
        if (!next(']')) {
            do {
                rows.add(row());
            } while (next(','));
            expect(']');
        }
        return rows;
    }

    private Object[] row() {
        List<Object> values = new ArrayList<>();
        expect('[');
        if (!next(']')) {
            do {
                values.add(value());
            } while (next(','));
            expect(']');
        }
        return values.toArray();
    }

    private Object value() {
        skipSpace();
        if (at >= text.length()) {
            throw error("a value");
        }
        char c = text.charAt(at);
        if (c == '"') {
            return string();
        }
        if (text.startsWith("null", at)) {
            at += 4;
            return null;
        }
        if (text.startsWith("true", at)) {
            at += 4;
            return Boolean.TRUE;
        }
        if (text.startsWith("false", at)) {
            at += 5;
            return Boolean.FALSE;
        }
        return number();
    }

    private Object number() {
        int start = at;
        boolean integral = true;
        while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
            integral &= Character.isDigit(text.charAt(at)) || (at == start && text.charAt(at) == '-');
            at++;
        }
        if (at == start) {
            throw error("a value");
        }
        String digits = text.substring(start, at);
        try {
            return integral ? (Object) Long.parseLong(digits) : new BigDecimal(digits);
        } catch (NumberFormatException e) {
            throw error("a number");
        }
    }

    private String string() {
        at++; // the opening quote
        StringBuilder value = new StringBuilder();
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (c == '"') {
                return value.toString();
            }
            if (c != '\\') {
                value.append(c);
                continue;
            }
            if (at >= text.length()) {
                break;
            }
            char escaped = text.charAt(at++);
            switch (escaped) {
                case '"', '\\', '/' -> value.append(escaped);
                case 'b' -> value.append('\b');
                case 'f' -> value.append('\f');
                case 'n' -> value.append('\n');
                case 'r' -> value.append('\r');
                case 't' -> value.append('\t');
                case 'u' -> {
                    if (at + 4 > text.length()) {
                        throw error("four hex digits");
                    }
                    try {
                        value.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    } catch (NumberFormatException e) {
                        throw error("four hex digits");
                    }
                    at += 4;
                }
                default -> throw error("an escape");
            }
        }
        throw error("the end of a string");
    }

    private boolean next(char c) {
        skipSpace();
        if (at < text.length() && text.charAt(at) == c) {
            at++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!next(c)) {
            throw error("'" + c + "'");
        }
    }

    private void skipSpace() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private IllegalStateException error(String expected) {
        return new IllegalStateException("stored rows unreadable: " + expected + " expected at " + at + " of "
                + text.length());
    }
}
