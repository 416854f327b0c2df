package icp.filing.domain.identity;

import icp.filing.domain.common.Text;
import icp.filing.domain.error.InvalidValueException;
import icp.filing.domain.error.Reason;
import java.net.IDN;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An e-mail address; the domain part is lower-cased and IDN-encoded so equal addresses compare equal. {@link #parse}
 * reads what a provider sends; the constructor trusts an address accepted before.
 */
public record EmailAddress(String value) {
    private static final Pattern LOCAL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}");
    private static final Pattern DOMAIN = Pattern.compile("(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{1,62}");

    public EmailAddress {
        Objects.requireNonNull(value, "value");
    }

    public static EmailAddress parse(String raw) {
        String text = Text.identifier(raw);
        int at = text.lastIndexOf('@');
        if (at <= 0 || at == text.length() - 1) {
            throw invalid();
        }
        String local = text.substring(0, at);
        String domain;
        try {
            domain = IDN.toASCII(text.substring(at + 1), IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (!LOCAL.matcher(local).matches() || local.startsWith(".") || local.endsWith(".") || local.contains("..")
                || !DOMAIN.matcher(domain).matches()) {
            throw invalid();
        }
        return new EmailAddress(local + "@" + domain);
    }

    private static InvalidValueException invalid() {
        return new InvalidValueException(Reason.INVALID_EMAIL, "电子邮箱无效 / not an e-mail address");
    }

    @Override
    public String toString() {
        return masked(value);
    }

    /** An address as logs and operators' views may show it: z***@example.com. */
    public static String masked(String address) {
        int at = address.indexOf('@');
        return at <= 0 ? "***" : address.charAt(0) + "***" + address.substring(at);
    }
}
