package icp.filing.domain.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import icp.filing.domain.common.Province;
import icp.filing.domain.error.InvalidValueException;
import icp.filing.domain.error.Reason;
import org.junit.jupiter.api.Test;

class CreditCodeTest {

    @Test
    void acceptsCodeWithMatchingCheckCharacter() {
        CreditCode code = new CreditCode("91350100M000100Y43");
        assertEquals("91", code.authorityAndType());
        assertEquals(Province.FUJIAN, code.province());
    }

    @Test
    void acceptsLowerCaseAndFullWidthInputAsTheSameCode() {
        assertEquals("91110108551385082Q", new CreditCode("91110108551385082q").value());
        assertEquals("91110108551385082Q", new CreditCode("９１１１０１０８５５１３８５０８２Ｑ").value());
        assertEquals("91110108551385082Q", new CreditCode(" 91110108551385082Q ").value());
    }

    @Test
    void refusesWrongCheckCharacter() {
        InvalidValueException e = assertThrows(InvalidValueException.class,
                () -> new CreditCode("91350100M000100Y44"));
        assertEquals(Reason.INVALID_CREDIT_CODE, e.reason());
    }

    @Test
    void refusesLettersOutsideTheAlphabet() {
        assertThrows(InvalidValueException.class, () -> new CreditCode("91350100I000100Y43"));
        assertThrows(InvalidValueException.class, () -> new CreditCode("91350100O000100Y43"));
    }

    @Test
    void refusesWrongLength() {
        assertThrows(InvalidValueException.class, () -> new CreditCode("91350100M000100Y4"));
        assertThrows(InvalidValueException.class, () -> new CreditCode(""));
    }

    @Test
    void refusesRegionOutsideTheProvinces() {
        // 71 (Taiwan) has no communications administration issuing ICP numbers
        String first17 = "91710000MA0000001";
        CreditCode code = new CreditCode(first17 + CreditCode.checkCharacter(first17));
        assertThrows(InvalidValueException.class, code::province);
    }
}
