package icp.filing.domain.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import icp.filing.domain.error.InvalidValueException;
import icp.filing.domain.error.Reason;
import org.junit.jupiter.api.Test;

class ContactTest {

    @Test
    void acceptsMobileNumbersWithCountryCodeAndSeparators() {
        assertEquals("13800138000", PhoneNumber.parse("+86 138-0013-8000").value());
        assertEquals("13800138000", PhoneNumber.parse("１３８００１３８０００").value());
    }

    @Test
    void everyWayOfWritingOneNumberGivesOneCanonicalNumber() {
        for (String written : new String[] {"13800138000", "+86 138 0013 8000", "138 0013 8000", "8613800138000",
                "+8613800138000", "0086 13800138000", "１３８ ００１３ ８０００", "＋８６１３８００１３８０００", "138.0013.8000"}) {
            assertEquals("13800138000", PhoneNumber.parse(written).value(), written);
        }
        assertThrows(InvalidValueException.class, () -> PhoneNumber.parse("86138001380001"), "14 digits");
    }

    @Test
    void refusesLandlinesAndShortNumbers() {
        assertEquals(Reason.INVALID_PHONE, assertThrows(InvalidValueException.class,
                () -> PhoneNumber.parse("010-12345678")).reason());
        assertThrows(InvalidValueException.class, () -> PhoneNumber.parse("1380013800"));
        assertThrows(InvalidValueException.class, () -> PhoneNumber.parse("12800138000"));
    }

    @Test
    void lowerCasesAndEncodesTheEmailDomain() {
        assertEquals("Zhang.San@example.cn", EmailAddress.parse("Zhang.San@EXAMPLE.cn").value());
        assertEquals("a@xn--fsqu00a.xn--fiqs8s", EmailAddress.parse("a@例子.中国").value());
    }

    @Test
    void refusesMalformedEmail() {
        for (String bad : new String[] {"no-at-sign", "@example.cn", "a@", "a..b@example.cn", "a@example", "a b@example.cn"}) {
            assertEquals(Reason.INVALID_EMAIL, assertThrows(InvalidValueException.class,
                    () -> EmailAddress.parse(bad), bad).reason());
        }
    }
}
