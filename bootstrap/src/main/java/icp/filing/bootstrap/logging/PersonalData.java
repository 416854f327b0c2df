package icp.filing.bootstrap.logging;

import java.util.regex.Pattern;

/**
 * Masks what looks like personal data in log text: resident ID numbers (and the residence permits that share their
 * form), mainland mobile numbers and e-mail addresses. Our own code logs none of them; this is the net under every
 * library that might (a database driver quoting a duplicate key, an exception quoting a value).
 */
public final class PersonalData {
    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])(\\d{6})\\d{8}(\\d{3}[0-9Xx])(?![0-9A-Za-z])");
    private static final Pattern PHONE = Pattern.compile("(?<!\\d)(1[3-9]\\d)\\d{4}(\\d{4})(?!\\d)");

    private PersonalData() {
    }

    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = hasDigitRun(text, 11) ? PHONE.matcher(ID_NUMBER.matcher(text).replaceAll("$1********$2"))
                .replaceAll("$1****$2") : text;
        return masked.indexOf('@') < 0 ? masked : maskEmails(masked);
    }

    /**
     * Whether {@code count} digits follow one another somewhere: an ID number has 17 and a phone 11, so text without
     * such a run needs neither pattern (most log lines, and every SMS text but its recipient's number).
     */
    private static boolean hasDigitRun(String text, int count) {
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) >= '0' && text.charAt(i) <= '9' ? run + 1 : 0;
            if (run >= count) {
                return true;
            }
        }
        return false;
    }

    /**
     * What {@code [A-Za-z0-9._%+-]{1,64}@([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+)} replaced by {@code ***@$1} gives (the
     * pattern this class used, and {@code PersonalDataTest} compares with), found from each {@code @} instead of tried at every
     * position of the text: the pattern's 64-character local part made that cost some 64 steps per character, which
     * on the mail log sink's bodies was a tenth of the relay's CPU. The same leftmost, greedy matches: a local part of
     * 1-64 characters of its class ending at the {@code @} (starting no earlier than the end of the match before), a
     * domain of dot-separated labels with at least one dot.
     */
    static String maskEmails(String text) {
        StringBuilder out = null;
        int copied = 0;
        int searchFrom = 0;
        for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
            int start = at;
            while (start > searchFrom && at - start < 64 && isLocal(text.charAt(start - 1))) {
                start--;
            }
            int end = domainEnd(text, at + 1);
            if (start == at || end < 0) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, copied, start).append("***@").append(text, at + 1, end);
            copied = end;
            searchFrom = end;
            at = end - 1;
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    /** Where {@code [A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+} matched greedily from {@code from} ends, or -1. */
    private static int domainEnd(String text, int from) {
        int i = label(text, from);
        if (i == from) {
            return -1;
        }
        int end = -1;
        while (i < text.length() && text.charAt(i) == '.') {
            int next = label(text, i + 1);
            if (next == i + 1) {
                break;
            }
            end = next;
            i = next;
        }
        return end;
    }

    private static int label(String text, int from) {
        int i = from;
        while (i < text.length() && isLabel(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isLabel(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-';
    }

    private static boolean isLocal(char c) {
        return isLabel(c) || c == '.' || c == '_' || c == '%' || c == '+';
    }
}
