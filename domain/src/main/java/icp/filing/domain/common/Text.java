package icp.filing.domain.common;

import icp.filing.domain.error.InvalidValueException;
import icp.filing.domain.error.Reason;

import java.text.Normalizer;

/**
 * Normalises text as it arrives. NFKC folds full-width Latin letters, digits and punctuation
 * (common when people type in a Chinese input method) into their ASCII forms, so that
 * "９１１１…" and "9111…" are the same credit code.
 */
public final class Text {
    private Text() {
    }

    public static String normalize(String raw) {
        if (raw == null) {
            return "";
        }
        return Normalizer.normalize(raw, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ");
    }

    public static String required(String raw, int maxLength) {
        String text = normalize(raw);
        if (text.isEmpty()) {
            throw new InvalidValueException(Reason.REQUIRED, "必填 / required");
        }
        if (text.codePointCount(0, text.length()) > maxLength) {
            throw new InvalidValueException(Reason.TOO_LONG, "at most " + maxLength + " characters");
        }
        return text;
    }

    /** Empty becomes null: optional fields are absent rather than blank. */
    public static String optional(String raw) {
        String text = normalize(raw);
        return text.isEmpty() ? null : text;
    }
}
