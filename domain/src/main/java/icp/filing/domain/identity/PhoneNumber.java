package icp.filing.domain.identity;

import icp.filing.domain.common.Text;
import icp.filing.domain.error.InvalidValueException;
import icp.filing.domain.error.Reason;

/** A mainland mobile number: results and SMS codes go to it, so it must be able to receive SMS. */
public record PhoneNumber(String value) {
    public PhoneNumber {
        String digits = Text.normalize(value).replaceAll("[\\s-]", "");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        } else if (digits.startsWith("0086")) {
            digits = digits.substring(4);
        }
        if (!digits.matches("1[3-9]\\d{9}")) {
            throw new InvalidValueException(Reason.INVALID_PHONE, "手机号码无效: 11 digits starting with 13-19");
        }
        value = digits;
    }

    @Override
    public String toString() {
        return value.substring(0, 3) + "****" + value.substring(7);
    }
}
