package icp.filing.domain.identity;

import icp.filing.domain.common.Text;
import icp.filing.domain.error.InvalidValueException;
import icp.filing.domain.error.Reason;

/** Organisation code (组织机构代码, GB 11714-1997): 8 characters and a check character, written XXXXXXXX-X. */
public record OrganizationCode(String value) {
    private static final int[] WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    public OrganizationCode {
        String text = Text.identifier(value).toUpperCase().replace("-", "").replace(" ", "");
        if (!text.matches("[0-9A-Z]{8}[0-9X]")) {
            throw invalid("8 letters or digits and a check character");
        }
        if (text.charAt(8) != checkCharacter(text.substring(0, 8))) {
            throw invalid("check character does not match");
        }
        value = text.substring(0, 8) + "-" + text.charAt(8);
    }

    public static char checkCharacter(String first8) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += Character.digit(first8.charAt(i), 36) * WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
    }

    private static InvalidValueException invalid(String why) {
        return new InvalidValueException(Reason.INVALID_ORGANIZATION_CODE, "组织机构代码无效 / invalid organisation code: " + why);
    }
}
