package icp.filing.domain.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import icp.filing.domain.common.Province;
import icp.filing.domain.error.InvalidValueException;
import icp.filing.domain.error.Reason;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IdCardNumberTest {

    @Test
    void acceptsTheStandardsExampleWithCheckCharacterX() {
        IdCardNumber id = new IdCardNumber("11010519491231002X");
        assertEquals(LocalDate.of(1949, 12, 31), id.birthDate());
        assertEquals(Province.BEIJING, id.province());
    }

    @Test
    void acceptsLowerCaseXAndFullWidthDigits() {
        assertEquals("11010519491231002X", new IdCardNumber("11010519491231002x").value());
        assertEquals("310115198501010012", new IdCardNumber("３１０１１５１９８５０１０１００１２").value());
    }

    @Test
    void refusesWrongCheckCharacter() {
        InvalidValueException e = assertThrows(InvalidValueException.class,
                () -> new IdCardNumber("110105194912310021"));
        assertEquals(Reason.INVALID_ID_CARD_NUMBER, e.reason());
    }

    @Test
    void refusesBirthDateThatDoesNotExist() {
        String first17 = "11010519490230002";
        assertThrows(InvalidValueException.class, () -> new IdCardNumber(first17 + IdCardNumber.checkCharacter(first17)));
    }

    @Test
    void neverPrintsTheWholeNumber() {
        assertEquals(false, new IdCardNumber("11010519491231002X").toString().contains("19491231"));
    }
}
