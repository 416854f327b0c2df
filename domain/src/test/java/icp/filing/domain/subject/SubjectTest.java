package icp.filing.domain.subject;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import icp.filing.domain.common.Province;
import icp.filing.domain.error.InvalidValueException;
import icp.filing.domain.error.Reason;
import icp.filing.domain.identity.CertificateType;
import icp.filing.domain.identity.EmailAddress;
import icp.filing.domain.identity.PhoneNumber;
import org.junit.jupiter.api.Test;

class SubjectTest {
    private static final Principal PRINCIPAL = new Principal("张三", CertificateType.RESIDENT_ID_CARD,
            "11010519491231002X", null, new PhoneNumber("13800138000"), new EmailAddress("zhang@example.cn"));

    @Test
    void inputIsNormalisedWhenReadAndAStoredNumberLoadsAsStored() {
        assertEquals("91110108551385082Q", CertificateType.BUSINESS_LICENSE.normalizeNumber("91110108551385082q"));
        assertEquals("11010519491231002X", CertificateType.RESIDENT_ID_CARD.normalizeNumber("11010519491231002x"));
        // a number today's format would refuse (accepted under an older rule) still loads
        Subject stored = new Subject(SubjectNature.ENTERPRISE, "示例公司", CertificateType.BUSINESS_LICENSE,
                "110108000000OLD", null, Province.BEIJING, null, new Principal("张三", CertificateType.PASSPORT,
                "E1234", null, new PhoneNumber("10000000000"), new EmailAddress("old-address")));
        assertEquals("110108000000OLD", stored.certificateNumber());
        assertEquals("10000000000", stored.principal().phone().value());
    }

    @Test
    void refusesAPersonWithAUnitCertificateAndTheReverse() {
        assertEquals(Reason.NATURE_MISMATCH, assertThrows(InvalidValueException.class,
                () -> new Subject(SubjectNature.PERSON, "张三", CertificateType.BUSINESS_LICENSE,
                        "91110108551385082Q", null, Province.BEIJING, null, PRINCIPAL)).reason());
        assertEquals(Reason.NATURE_MISMATCH, assertThrows(InvalidValueException.class,
                () -> new Subject(SubjectNature.ENTERPRISE, "示例公司", CertificateType.RESIDENT_ID_CARD,
                        "11010519491231002X", null, Province.BEIJING, null, PRINCIPAL)).reason());
    }

    @Test
    void refusesAPrincipalIdentifiedByAUnitCertificate() {
        assertEquals(Reason.CERTIFICATE_TYPE_MISMATCH, assertThrows(InvalidValueException.class,
                () -> new Principal("张三", CertificateType.BUSINESS_LICENSE, "91110108551385082Q", null,
                        new PhoneNumber("13800138000"), new EmailAddress("a@example.cn"))).reason());
    }
}
