package icp.filing.domain.common;

import icp.filing.domain.error.InvalidValueException;
import icp.filing.domain.error.Reason;
import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Normalises text as it arrives. NFKC folds full-width Latin letters, digits and punctuation
 * (common when people type in a Chinese input method) into their ASCII forms, so that
 * "９１１１…" and "9111…" are the same credit code.
 */
public final class Text {
    private Text() {
    }

    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    /** How much of a refused value a message may quote: answers stay small whatever was sent. */
    private static final int EXCERPT_MAX = 40;

    /**
     * NFKC, trimmed, runs of white space folded to one space. Control and formatting characters are refused: a NUL
     * or a right-to-left override (U+202E) makes a reviewer read something else than what is stored.
     */
    public static String normalize(String raw) {
        if (raw == null) {
            return "";
        }
        String text = Normalizer.normalize(raw, Normalizer.Form.NFKC);
        rejectControlCharacters(text);
        return WHITE_SPACE.matcher(text.strip()).replaceAll(" ");
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

    /** An optional text: null when blank, else normalised and at most {@code maxLength} characters once normalised. */
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
        String text = normalize(raw);
        return text.isEmpty() ? null : text;
    }
}
