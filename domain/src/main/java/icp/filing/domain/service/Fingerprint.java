package icp.filing.domain.service;

import icp.filing.domain.common.Text;
import icp.filing.domain.error.InvalidValueException;
import icp.filing.domain.error.Reason;
import java.util.Locale;
import java.util.Objects;

/** A signing certificate fingerprint in upper-case hex without separators (MD5, SHA-1 or SHA-256). */
public record Fingerprint(String hex) {
    /** As stored: accepted when it was read. */
    public Fingerprint {
        Objects.requireNonNull(hex, "hex");
    }

    public static Fingerprint parse(String raw) {
        String text = Text.identifier(raw).replace(":", "").replace(" ", "").toUpperCase(Locale.ROOT);
        if (!text.matches("[0-9A-F]+") || !(text.length() == 32 || text.length() == 40 || text.length() == 64)) {
            throw new InvalidValueException(Reason.INVALID_FINGERPRINT, "签名指纹无效 / invalid fingerprint: 32, 40 or 64 hex digits");
        }
        return new Fingerprint(text);
    }
}
