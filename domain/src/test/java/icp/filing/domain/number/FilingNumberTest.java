package icp.filing.domain.number;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import icp.filing.domain.common.Province;
import icp.filing.domain.error.InvalidValueException;
import icp.filing.domain.error.Reason;
import icp.filing.domain.service.ServiceKind;
import org.junit.jupiter.api.Test;

class FilingNumberTest {

    @Test
    void issuesTenDigitSubjectNumbers() {
        FilingNumber number = FilingNumber.issue(Province.BEIJING, 2024, 12345);
        assertEquals("京ICP备2024012345号", number.toString());
        assertEquals(2024, number.year());
        assertEquals(12345, number.serial());
        assertFalse(number.isServiceNumber());
    }

    @Test
    void serialsArePaddedToSixDigitsAndOnlyAsciiDigitsMakeANumber() {
        assertEquals("津ICP备2026000001号", FilingNumber.issue(Province.TIANJIN, 2026, 1).toString());
        assertEquals("津ICP备2026999999号", FilingNumber.issue(Province.TIANJIN, 2026, 999_999).toString());
        assertThrows(IllegalArgumentException.class, () -> FilingNumber.issue(Province.TIANJIN, 2026, 1_000_000));
        for (String digits : new String[] {"202601234", "20260123456", "２０２６０１２３４５", "2026O12345", "", null}) {
            assertThrows(IllegalArgumentException.class, () -> new FilingNumber(Province.TIANJIN, digits, null),
                    String.valueOf(digits));
        }
        assertEquals("16059763", new FilingNumber(Province.BEIJING, "16059763", null).digits());
    }

    @Test
    void numbersServicesWithTheKindsLetter() {
        FilingNumber subject = FilingNumber.issue(Province.SHANGHAI, 2025, 152989);
        assertEquals("沪ICP备2025152989号-1", subject.forService(1, ServiceKind.WEBSITE).toString());
        assertEquals("沪ICP备2025152989号-2A", subject.forService(2, ServiceKind.APP).toString());
        assertEquals("沪ICP备2025152989号-3X", subject.forService(3, ServiceKind.MINI_PROGRAM).toString());
        assertEquals("沪ICP备2025152989号-4K", subject.forService(4, ServiceKind.QUICK_APP).toString());
    }

    @Test
    void parsesBothFormsAndAllSuffixes() {
        FilingNumber legacy = FilingNumber.parse("京ICP备16059763号");
        assertTrue(legacy.isLegacy());
        assertEquals(2016, legacy.year());
        assertEquals(59763, legacy.serial());

        FilingNumber app = FilingNumber.parse("粤ICP备2024012345号-12A");
        assertEquals(Province.GUANGDONG, app.province());
        assertEquals(new ServiceSuffix(12, ServiceKind.APP), app.suffix());
        assertEquals("粤ICP备2024012345号", app.subjectNumber().toString());

        assertEquals(ServiceKind.MINI_PROGRAM, FilingNumber.parse("京ICP备16059763号-3X").suffix().kind());
        assertEquals(ServiceKind.QUICK_APP, FilingNumber.parse("京ICP备16059763号-4K").suffix().kind());
        assertEquals(ServiceKind.WEBSITE, FilingNumber.parse("京ICP备16059763号-1").suffix().kind());
    }

    @Test
    void roundTripsThroughText() {
        for (String text : new String[] {"京ICP备2024012345号", "京ICP备16059763号-3X", "新ICP备2026000001号-2A"}) {
            assertEquals(text, FilingNumber.parse(text).toString());
        }
    }

    @Test
    void toleratesFullWidthDigitsSpacesAndLowerCase() {
        assertEquals("京ICP备2024012345号-2A", FilingNumber.parse(" 京icp备２０２４０１２３４５号－2a ").toString());
    }

    @Test
    void refusesMalformedNumbers() {
        for (String bad : new String[] {"京ICP备202401234号", "京ICP备2024012345", "港ICP备2024012345号",
                "京ICP证2024012345号", "京ICP备2024012345号-0", "京ICP备2024012345号-1B", ""}) {
            assertEquals(Reason.INVALID_FILING_NUMBER,
                    assertThrows(InvalidValueException.class, () -> FilingNumber.parse(bad), bad).reason(), bad);
        }
    }

    @Test
    void refusesSerialsBeyondSixDigits() {
        assertThrows(IllegalArgumentException.class, () -> FilingNumber.issue(Province.BEIJING, 2024, 1_000_000));
    }
}
