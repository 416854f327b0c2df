package icp.filing.domain.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import icp.filing.domain.common.Province;
import icp.filing.domain.error.InvalidValueException;
import icp.filing.domain.error.Reason;
import org.junit.jupiter.api.Test;

class CreditCodeTest {

    @Test
    void acceptsCodeWithMatchingCheckCharacter() {
        CreditCode code = new CreditCode("91350100M000100Y43");
        assertEquals("91", code.authorityAndType());
        assertEquals(java.util.Optional.of(Province.FUJIAN), code.province());
    }

    @Test
    void aUnitRegisteredAtTheNationalLevelHasNoProvinceInItsCode() {
        String first17 = "91100000" + "MA0000001";
        CreditCode national = new CreditCode(first17 + CreditCode.checkCharacter(first17));
        assertTrue(national.isNationalLevel());
        assertEquals(java.util.Optional.empty(), national.province());
    }

    @Test
    void aCodeOfAnUnknownRegionSaysSoInBothLanguages() {
        String first17 = "91990000" + "MA0000001";
        InvalidValueException e = assertThrows(InvalidValueException.class,
                () -> new CreditCode(first17 + CreditCode.checkCharacter(first17)).province());
        assertEquals(Reason.UNKNOWN_CODE, e.reason());
        assertTrue(e.getMessage().contains("不属于") && e.getMessage().contains("not in a province"), e.getMessage());
    }

    @Test
    void oneUnitHasOneIdentityWhateverCertificateCarriesItsCode() {
        String code = "91350100M000100Y43";
        String identity = CertificateType.UNIFIED_SOCIAL_CREDIT_CODE_CERTIFICATE.identityKey(code);
        assertEquals(identity, CertificateType.BUSINESS_LICENSE.identityKey(code));
        assertEquals(identity, CertificateType.PUBLIC_INSTITUTION_LEGAL_PERSON_CERTIFICATE.identityKey(code));
        // the organisation code certificate of the same unit: characters 9-17 of its credit code
        assertEquals(identity, CertificateType.ORGANIZATION_CODE_CERTIFICATE.identityKey("M000100Y-4"));
        assertNotEquals(identity, CertificateType.BUSINESS_LICENSE.identityKey("110108000000016"));
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
