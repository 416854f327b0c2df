package icp.filing.domain.common;

import icp.filing.domain.error.InvalidValueException;
import icp.filing.domain.error.Reason;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one text policy of the system, by kind of field:
 * <ul>
 * <li><b>typed text</b> — names, addresses, comments, objections, answers, every text a person writes for another to
 * read: kept as typed, in NFC, trimmed; full-width punctuation ({@code ，。：（）“”}) and line breaks stay.
 * ({@link #typed}, {@link #optional}, {@link #required})</li>
 * <li><b>identifiers</b> — numbers, codes, domains, phones, dates, ids: NFKC, so that "９１１１…" typed in a
 * Chinese input method and "9111…" are one credit code ({@link #identifier}).</li>
 * <li><b>comparison keys</b> — where two texts must be equal (a name and the name on the certificate, a domain
 * holder and the subject): NFKC, white space folded, case ignored ({@link #key}). A key is compared, never shown
 * nor stored in place of what was typed.</li>
 * </ul>
 * Control and formatting characters are refused in all of them.
 */
public final class Text {
    private Text() {
    }

    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    /** How much of a refused value a message may quote: answers stay small whatever was sent. */
    private static final int EXCERPT_MAX = 40;

    /**
     * An identifier as it arrives: NFKC, trimmed, runs of white space folded to one space. Control and formatting
     * characters are refused: a NUL or a right-to-left override (U+202E) makes a reviewer read something else than
     * what is stored.
     */
    public static String identifier(String raw) {
        if (raw == null) {
            return "";
        }
        String text = Normalizer.normalize(raw, Normalizer.Form.NFKC);
        rejectControlCharacters(text);
        return WHITE_SPACE.matcher(text.strip()).replaceAll(" ");
    }

    /** Text a person typed, as typed: NFC (one spelling of each character), trimmed, control characters refused. */
    public static String typed(String raw) {
        if (raw == null) {
            return "";
        }
        String text = Normalizer.normalize(raw, Normalizer.Form.NFC);
        rejectControlCharacters(text);
        return text.strip();
    }

    /** The key two texts are compared on: NFKC, white space folded, lower case. */
    public static String key(String raw) {
        return identifier(raw).toLowerCase(Locale.ROOT);
    }

    /** Whether two typed texts say the same thing, whatever their widths, spacing or case. */
    public static boolean sameKey(String a, String b) {
        return key(a).equals(key(b));
    }

    private static void rejectControlCharacters(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\t' || cp == '\n' || cp == '\r') {
                continue; // white space, folded to a space
            }
            int type = Character.getType(cp);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                    || type == Character.PRIVATE_USE || type == Character.UNASSIGNED) {
                String code = String.format("U+%04X", cp);
                throw new InvalidValueException(Reason.CONTROL_CHARACTER, "不得含有控制或格式字符 " + code
                        + " / control and formatting characters are not allowed (" + code + ")");
            }
        }
    }

    /** The start of a value for a message, never more than a few dozen characters. */
    public static String excerpt(String value) {
        if (value == null) {
            return "";
        }
        return value.codePointCount(0, value.length()) <= EXCERPT_MAX ? value
                : value.substring(0, value.offsetByCodePoints(0, EXCERPT_MAX)) + "…";
    }

    public static String required(String raw, int maxLength) {
        String text = optional(raw, maxLength);
        if (text == null) {
            throw new InvalidValueException(Reason.REQUIRED, "必填 / required");
        }
        return text;
    }

    /** An optional typed text: null when blank, else as typed and at most {@code maxLength} characters. */
    public static String optional(String raw, int maxLength) {
        String text = optional(raw);
        if (text != null && text.codePointCount(0, text.length()) > maxLength) {
            throw new InvalidValueException(Reason.TOO_LONG, "最多 " + maxLength + " 个字符 / at most " + maxLength
                    + " characters");
        }
        return text;
    }

    /** Empty becomes null: optional fields are absent rather than blank. */
    public static String optional(String raw) {
        String text = typed(raw);
        return text.isEmpty() ? null : text;
    }

    /** An optional identifier or code, bounded where it was read: null when blank, else NFKC ({@link #identifier}). */
    public static String optionalIdentifier(String raw) {
        String text = identifier(raw);
        return text.isEmpty() ? null : text;
    }

    /** An optional identifier or code: null when blank, else NFKC ({@link #identifier}), at most {@code maxLength}. */
    public static String optionalIdentifier(String raw, int maxLength) {
        String text = identifier(raw);
        if (text.codePointCount(0, text.length()) > maxLength) {
            throw new InvalidValueException(Reason.TOO_LONG, "最多 " + maxLength + " 个字符 / at most " + maxLength
                    + " characters");
        }
        return text.isEmpty() ? null : text;
    }
}
