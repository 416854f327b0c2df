package icp.filing.domain.identity;

import icp.filing.domain.common.Text;
import icp.filing.domain.error.InvalidValueException;
import icp.filing.domain.error.Reason;
import java.util.Objects;

/**
 * A mainland mobile number: results and SMS codes go to it, so it must be able to receive SMS. {@link #parse} reads
 * what a provider or a principal sends and gives the one canonical form (11 ASCII digits) every key and limit uses,
 * however the number was written; the constructor trusts a number accepted before, whatever today's rule says.
 */
public record PhoneNumber(String value) {
    public PhoneNumber {
        Objects.requireNonNull(value, "value");
    }

    public static PhoneNumber parse(String raw) {
        // full-width digits fold to ASCII (NFKC); spaces, hyphens and dots as people group a number are dropped
        String digits = Text.identifier(raw).replaceAll("[\\s.\\-]", "");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        } else if (digits.startsWith("0086")) {
            digits = digits.substring(4);
        } else if (digits.length() == 13 && digits.startsWith("86")) {
            digits = digits.substring(2); // the country code without its +
        }
        if (!digits.matches("1[3-9]\\d{9}")) {
            throw new InvalidValueException(Reason.INVALID_PHONE, "手机号码无效 / not a mainland mobile number: 11 "
                    + "digits starting with 13-19");
        }
        return new PhoneNumber(digits);
    }

    @Override
    public String toString() {
        return masked(value);
    }

    /** A phone as logs and operators' views may show it: 138****8000. */
    public static String masked(String phone) {
        return phone.length() < 8 ? "****" : phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }
}
