package icp.filing.domain.identity;

import icp.filing.domain.common.Province;
import icp.filing.domain.common.Text;
import icp.filing.domain.error.InvalidValueException;
import icp.filing.domain.error.Reason;
import java.util.Optional;

/** Unified social credit code (统一社会信用代码, GB 32100-2015), upper-cased and check character verified. */
public record CreditCode(String value) {
    private static final String NATIONAL_REGION = "100000";
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    public CreditCode {
        value = Text.identifier(value).toUpperCase();
        if (value.length() != 18) {
            throw invalid("must have 18 characters");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = ALPHABET.indexOf(value.charAt(i));
            if (v < 0) {
                throw invalid("character " + value.charAt(i) + " is not allowed (no I, O, S, V, Z)");
            }
            sum += v * WEIGHTS[i];
        }
        char expected = checkCharacter(sum);
        if (value.charAt(17) != expected) {
            throw invalid("check character does not match");
        }
        if (!value.substring(2, 8).chars().allMatch(Character::isDigit)) {
            throw invalid("characters 3-8 must be a region code");
        }
    }

    /** The check character for the first 17 characters; public so that test data can be generated. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return checkCharacter(sum);
    }

    private static char checkCharacter(int sum) {
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    /** Registration authority and unit type, e.g. "91" enterprise, "11" government organ. */
    public String authorityAndType() {
        return value.substring(0, 2);
    }

    public String regionCode() {
        return value.substring(2, 8);
    }

    /**
     * The province of the registration authority; empty for a unit registered at the national level, whose code
     * carries region 100000 (GB 32100): its home province is what it declares or its address says.
     */
    public Optional<Province> province() {
        return isNationalLevel() ? Optional.empty() : Optional.of(Province.ofRegion(regionCode()));
    }

    public boolean isNationalLevel() {
        return NATIONAL_REGION.equals(regionCode());
    }

    /** 主体标识码: characters 9-17, the unit's organisation code, which stays the same across its certificates. */
    public String organizationCode() {
        return value.substring(8, 17);
    }

    private static InvalidValueException invalid(String why) {
        return new InvalidValueException(Reason.INVALID_CREDIT_CODE, "统一社会信用代码无效 / invalid unified social credit code: " + why);
    }

    @Override
    public String toString() {
        return value;
    }
}
