package icp.filing.domain.material;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import icp.filing.domain.common.Province;
import icp.filing.domain.error.InvalidValueException;
import icp.filing.domain.error.Reason;
import icp.filing.domain.identity.CertificateType;
import icp.filing.domain.identity.EmailAddress;
import icp.filing.domain.identity.PhoneNumber;
import icp.filing.domain.subject.Principal;
import icp.filing.domain.subject.Subject;
import icp.filing.domain.subject.SubjectNature;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class MaterialTest {

    @Test
    void recognisesFormatsByTheirLeadingBytes() {
        assertEquals(MaterialFormat.JPEG, MaterialFormat.detect(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x20}));
        assertEquals(MaterialFormat.PNG, MaterialFormat.detect(
                new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0}));
        assertEquals(MaterialFormat.PDF, MaterialFormat.detect("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void refusesEverythingElseWhateverItIsCalled() {
        for (byte[] bad : new byte[][] {"MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1),
                "GIF89a".getBytes(StandardCharsets.US_ASCII), new byte[0], new byte[] {(byte) 0xFF, (byte) 0xD8}}) {
            assertEquals(Reason.UNSUPPORTED_MATERIAL_FORMAT,
                    assertThrows(InvalidValueException.class, () -> MaterialFormat.detect(bad)).reason());
        }
    }

    @Test
    void aUnitShowsItsCertificateAPersonOnlyTheirId() {
        Principal principal = new Principal("张三", CertificateType.RESIDENT_ID_CARD, "11010519491231002X", null,
                new PhoneNumber("13800138000"), new EmailAddress("a@example.cn"));
        Subject unit = new Subject(SubjectNature.ENTERPRISE, "示例公司", CertificateType.BUSINESS_LICENSE,
                "91110108551385082Q", null, Province.BEIJING, null, principal);
        Subject person = new Subject(SubjectNature.PERSON, "张三", CertificateType.RESIDENT_ID_CARD,
                "11010519491231002X", null, Province.BEIJING, null, principal);
        assertEquals(EnumSet.of(MaterialKind.SUBJECT_CERTIFICATE, MaterialKind.SUBJECT_PRINCIPAL_ID,
                MaterialKind.VERIFICATION_FORM), MaterialRequirements.forSubject(unit));
        assertEquals(EnumSet.of(MaterialKind.SUBJECT_PRINCIPAL_ID, MaterialKind.VERIFICATION_FORM),
                MaterialRequirements.forSubject(person));
        assertEquals(List.of(MaterialKind.SUBJECT_CERTIFICATE), MaterialRequirements.missing(
                MaterialRequirements.forSubject(unit),
                List.of(MaterialKind.SUBJECT_PRINCIPAL_ID, MaterialKind.VERIFICATION_FORM)));
    }

    @Test
    void aReferenceSitsWithItsOwner() {
        assertThrows(IllegalArgumentException.class,
                () -> new MaterialRef(0, MaterialKind.SUBJECT_CERTIFICATE, MaterialId.random()));
        assertThrows(IllegalArgumentException.class,
                () -> new MaterialRef(null, MaterialKind.SERVICE_PRINCIPAL_PHOTO, MaterialId.random()));
    }
}
