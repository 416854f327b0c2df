package icp.filing.bootstrap.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks what looks like personal data in log text: resident ID numbers (and the residence permits that share their
 * form), mainland mobile numbers and e-mail addresses. Our own code logs none of them; this is the net under every
 * library that might (a database driver quoting a duplicate key, an exception quoting a value).
 */
public final class PersonalData {
    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])(\\d{6})\\d{8}(\\d{3}[0-9Xx])(?![0-9A-Za-z])");
    private static final Pattern PHONE = Pattern.compile("(?<!\\d)(1[3-9]\\d)\\d{4}(\\d{4})(?!\\d)");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]{1,64}@([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+)");

    private PersonalData() {
    }

    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = ID_NUMBER.matcher(text).replaceAll("$1********$2");
        masked = PHONE.matcher(masked).replaceAll("$1****$2");
        Matcher email = EMAIL.matcher(masked);
        return email.replaceAll("***@$1");
    }
}
