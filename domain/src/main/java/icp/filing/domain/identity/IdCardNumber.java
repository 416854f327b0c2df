package icp.filing.domain.identity;

import icp.filing.domain.common.Province;
import icp.filing.domain.common.Text;
import icp.filing.domain.error.InvalidValueException;
import icp.filing.domain.error.Reason;
import java.time.DateTimeException;
import java.time.LocalDate;

/** Resident identity card number (居民身份证号码, GB 11643-1999): 17 digits and a check character. */
public record IdCardNumber(String value) {
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECKS = "10X98765432";

    public IdCardNumber {
        value = Text.identifier(value).toUpperCase();
        if (!value.matches("\\d{17}[0-9X]")) {
            throw invalid("must be 17 digits and a digit or X");
        }
        if (value.charAt(17) != checkCharacter(value.substring(0, 17))) {
            throw invalid("check character does not match");
        }
        try {
            birthDate(value);
        } catch (DateTimeException e) {
            throw invalid("characters 7-14 are not a real birth date");
        }
    }

    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECKS.charAt(sum % 11);
    }

    public LocalDate birthDate() {
        return birthDate(value);
    }

    private static LocalDate birthDate(String v) {
        return LocalDate.of(Integer.parseInt(v.substring(6, 10)), Integer.parseInt(v.substring(10, 12)),
                Integer.parseInt(v.substring(12, 14)));
    }

    public String regionCode() {
        return value.substring(0, 6);
    }

    public Province province() {
        return Province.ofRegion(regionCode());
    }

    private static InvalidValueException invalid(String why) {
        return new InvalidValueException(Reason.INVALID_ID_CARD_NUMBER, "身份证号码无效 / invalid resident ID number: " + why);
    }

    /** Personal data: never printed whole, so a stray log line leaks nothing. */
    @Override
    public String toString() {
        return value.substring(0, 3) + "***************";
    }
}
