package icp.filing.application.usecase;

import icp.filing.application.command.NewFilingCommand.SubjectInput;
import icp.filing.domain.common.Province;
import icp.filing.domain.common.Text;
import icp.filing.domain.error.InvalidValueException;
import icp.filing.domain.error.Reason;
import icp.filing.domain.error.Violations;
import icp.filing.domain.identity.CertificateType;
import icp.filing.domain.identity.CreditCode;
import icp.filing.domain.subject.NatureCertificatePolicy;
import icp.filing.domain.subject.NatureCreditCodePolicy;
import icp.filing.domain.subject.Principal;
import icp.filing.domain.subject.Subject;
import icp.filing.domain.subject.SubjectNature;
import java.time.LocalDate;
import java.util.Optional;

/** Reads the subject: nature and certificate, home province, validity, verified name, principal. */
final class SubjectForm extends FormReader {
    /** As the register stores it. */
    static final int ADDRESS_MAX = 300;
    SubjectForm(Violations violations, LocalDate today) {
        super(violations, today);
    }

    Subject subject(SubjectInput in) {
        SubjectNature nature = code("new_filing.subject.nature", in.natureCode(), SubjectNature::byCode);
        String name = violations.text("new_filing.subject.name", in.name(), NAME_MAX);
        CertificateType type = code("new_filing.subject.certificate_type", in.certificateTypeCode(), CertificateType::byCode);
        if (nature != null && type != null) {
            violations.check("new_filing.subject.certificate_type", () -> {
                NatureCertificatePolicy.check(nature, type);
                return type;
            });
        }
        String number = type == null ? null
                : violations.check("new_filing.subject.certificate_number", () -> type.normalizeNumber(in.certificateNumber()));
        if (nature != null && number != null && type.carriesCreditCode(number)) {
            // checked on its own, so that a problem with the home province does not hide it
            violations.check("new_filing.subject.nature", () -> {
                NatureCreditCodePolicy.check(nature, new CreditCode(number));
                return nature;
            });
        }
        String address = optionalText("new_filing.subject.address", in.address(), ADDRESS_MAX);
        Province province = homeProvince(in, type, number, address);
        LocalDate validUntil = validity("new_filing.subject", type, number, in.certificateValidUntil());
        verifiedName("new_filing.subject", name, in.verifiedName());
        Principal principal = in.principal() == null ? missing("new_filing.subject.principal")
                : principal("new_filing.subject.principal", in.principal());
        if (nature == null || name == null || number == null || province == null || principal == null) {
            return null;
        }
        return violations.check("new_filing.subject", () -> new Subject(nature, name, type, number, validUntil, province,
                address, principal));
    }

    /**
     * The home province comes from the certificate's region where the number carries one; a declared
     * province must agree with it, since the bureau of that province is the one that reviews.
     */
    private Province homeProvince(SubjectInput in, CertificateType type, String number, String address) {
        String declaredCode = optionalText("new_filing.subject.province", in.provinceCode(), 10);
        Province declared = declaredCode == null ? null
                : violations.check("new_filing.subject.province", () -> Province.parse(declaredCode));
        if (type == null || number == null || (declared == null && declaredCode != null)) {
            return declared;
        }
        Optional<Province> fromCertificate;
        try {
            fromCertificate = type.regionProvince(number);
        } catch (InvalidValueException e) {
            violations.add("new_filing.subject.certificate_number", e.reason(), e.getMessage());
            return null;
        }
        Optional<Province> fromAddress = Province.inAddress(address);
        Province home = fromCertificate.or(() -> Optional.ofNullable(declared)).or(() -> fromAddress).orElse(null);
        if (home == null) {
            violations.add("new_filing.subject.province", Reason.REQUIRED,
                    "证件不含地区码时须申报省份或证件地址 / declare the province or the certificate address");
            return null;
        }
        if (declared != null && declared != home) {
            violations.add("new_filing.subject.province", Reason.CROSS_PROVINCE, crossProvince(home, declared));
            return null;
        }
        if (fromAddress.isPresent() && fromAddress.get() != home) {
            violations.add("new_filing.subject.address", Reason.CROSS_PROVINCE, crossProvince(home, fromAddress.get()));
            return null;
        }
        return home;
    }

    private static String crossProvince(Province home, Province other) {
        return "主体所属地区为" + home.chineseName() + "，与" + other.chineseName() + "不一致 / the subject belongs to "
                + home.name() + ", not " + other.name();
    }
}
