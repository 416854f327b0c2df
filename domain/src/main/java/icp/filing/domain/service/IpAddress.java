package icp.filing.domain.service;

import icp.filing.domain.common.Text;
import icp.filing.domain.error.InvalidValueException;
import icp.filing.domain.error.Reason;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** An IPv4 or IPv6 address literal, checked without any name lookup. */
public record IpAddress(String value) {
    private static final Pattern V4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern V6 = Pattern.compile("[0-9a-f:]{2,39}");

    /** As stored: accepted when it was read. */
    public IpAddress {
        Objects.requireNonNull(value, "value");
    }

    public static IpAddress parse(String raw) {
        String text = Text.identifier(raw).toLowerCase(Locale.ROOT);
        boolean v6 = text.contains(":") && V6.matcher(text).matches() && text.split("::", -1).length <= 2;
        if (!V4.matcher(text).matches() && !v6) {
            throw new InvalidValueException(Reason.INVALID_IP_ADDRESS, "IP地址无效 / invalid IP address: " + Text.excerpt(text));
        }
        return new IpAddress(text);
    }
}
