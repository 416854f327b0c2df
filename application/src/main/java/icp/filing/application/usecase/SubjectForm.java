package icp.filing.application.usecase;

import icp.filing.application.command.NewFilingCommand.SubjectInput;
import icp.filing.domain.common.Province;
import icp.filing.domain.error.InvalidValueException;
import icp.filing.domain.error.Violations;
import icp.filing.domain.identity.CertificateType;
import icp.filing.domain.identity.CreditCode;
import icp.filing.domain.subject.HomeProvincePolicy;
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
    /** Where the subject was given: {@code new_filing.subject}, {@code change_subject.subject}. */
    private final String path;

    SubjectForm(Violations violations, LocalDate today, String path) {
        super(violations, today);
        this.path = path;
    }

    Subject subject(SubjectInput in) {
        SubjectNature nature = code(path + ".nature", in.natureCode(), SubjectNature::byCode);
        String name = violations.text(path + ".name", in.name(), NAME_MAX);
        CertificateType type = code(path + ".certificate_type", in.certificateTypeCode(), CertificateType::byCode);
        if (nature != null && type != null) {
            violations.check(path + ".certificate_type", () -> {
                NatureCertificatePolicy.check(nature, type);
                return type;
            });
        }
        String number = type == null ? null
                : violations.check(path + ".certificate_number", () -> type.normalizeNumber(in.certificateNumber()));
        if (nature != null && number != null && type.carriesCreditCode(number)) {
            // checked on its own, so that a problem with the home province does not hide it
            violations.check(path + ".nature", () -> {
                NatureCreditCodePolicy.check(nature, new CreditCode(number));
                return nature;
            });
        }
        String address = optionalText(path + ".address", in.address(), ADDRESS_MAX);
        Province province = homeProvince(in, type, number, address);
        LocalDate validUntil = validity(path, type, number, in.certificateValidUntil());
        verifiedName(path, name, in.verifiedName());
        Principal principal = in.principal() == null ? missing(path + ".principal")
                : principal(path + ".principal", in.principal());
        if (nature == null || name == null || number == null || province == null || principal == null) {
            return null;
        }
        return violations.check(path, () -> new Subject(nature, name, type, number, validUntil, province,
                address, principal));
    }

    /**
     * The home province comes from the certificate's region where the number carries one; a declared
     * province must agree with it, since the bureau of that province is the one that reviews.
     */
    private Province homeProvince(SubjectInput in, CertificateType type, String number, String address) {
        String declaredCode = optionalCode(path + ".province_code", in.provinceCode(), 10);
        Province declared = declaredCode == null ? null
                : violations.check(path + ".province_code", () -> Province.parse(declaredCode));
        if (type == null || number == null || (declared == null && declaredCode != null)) {
            return declared;
        }
        Optional<Province> fromCertificate;
        try {
            fromCertificate = type.regionProvince(number);
        } catch (InvalidValueException e) {
            violations.add(path + ".certificate_number", e.reason(), e.getMessage());
            return null;
        }
        HomeProvincePolicy.Decision decision = HomeProvincePolicy.decide(fromCertificate, declared,
                Province.inAddress(address), path);
        decision.violations().forEach(violations::add);
        return decision.home();
    }
}
