package icp.filing.domain.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import icp.filing.domain.error.InvalidValueException;
import icp.filing.domain.error.Reason;
import org.junit.jupiter.api.Test;

class CertificateTypeTest {

    @Test
    void checksOrganisationCodesByTheirCheckCharacter() {
        assertEquals("D2143569-X", CertificateType.ORGANIZATION_CODE_CERTIFICATE.normalizeNumber("d2143569x"));
        assertEquals(Reason.INVALID_ORGANIZATION_CODE, assertThrows(InvalidValueException.class,
                () -> CertificateType.ORGANIZATION_CODE_CERTIFICATE.normalizeNumber("D2143569-1")).reason());
    }

    @Test
    void knowsLegacyCertificates() {
        assertTrue(CertificateType.ORGANIZATION_CODE_CERTIFICATE.isLegacy("D2143569-X"));
        assertTrue(CertificateType.BUSINESS_LICENSE.isLegacy(
                CertificateType.BUSINESS_LICENSE.normalizeNumber("110108012345678")));
        assertFalse(CertificateType.BUSINESS_LICENSE.isLegacy(
                CertificateType.BUSINESS_LICENSE.normalizeNumber("91110108551385082Q")));
        assertFalse(CertificateType.UNIFIED_SOCIAL_CREDIT_CODE_CERTIFICATE.isLegacy("91110108551385082Q"));
    }

    @Test
    void checksEachPersonalDocumentByItsOwnFormat() {
        assertEquals("E12345678", CertificateType.PASSPORT.normalizeNumber("e12345678"));
        assertEquals("H12345678", CertificateType.HK_MACAO_HOME_RETURN_PERMIT.normalizeNumber("H12345678"));
        assertEquals("12345678", CertificateType.TAIWAN_COMPATRIOT_PERMIT.normalizeNumber("12345678"));
        assertEquals("ABC123456789012", CertificateType.FOREIGNER_PERMANENT_RESIDENCE_CARD
                .normalizeNumber("ABC123456789012"));
        for (String bad : new String[] {"A1234567", "H1234567"}) {
            assertEquals(Reason.INVALID_FORMAT, assertThrows(InvalidValueException.class,
                    () -> CertificateType.HK_MACAO_HOME_RETURN_PERMIT.normalizeNumber(bad)).reason());
        }
        assertThrows(InvalidValueException.class, () -> CertificateType.PASSPORT.normalizeNumber("E1234*678"));
    }

    @Test
    void aResidentIdMustComeFromAMainlandRegionAndAResidencePermitFromItsOwn() {
        String hongKong17 = "81000019900101001";
        String hongKong = hongKong17 + IdCardNumber.checkCharacter(hongKong17);
        assertEquals(Reason.INVALID_ID_CARD_NUMBER, assertThrows(InvalidValueException.class,
                () -> CertificateType.RESIDENT_ID_CARD.normalizeNumber(hongKong)).reason());
        assertEquals(hongKong, CertificateType.HK_MACAO_RESIDENCE_PERMIT.normalizeNumber(hongKong));
        assertThrows(InvalidValueException.class,
                () -> CertificateType.TAIWAN_RESIDENCE_PERMIT.normalizeNumber(hongKong));
    }
}
