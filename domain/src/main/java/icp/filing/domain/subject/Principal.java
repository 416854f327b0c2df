package icp.filing.domain.subject;

import icp.filing.domain.error.InvalidValueException;
import icp.filing.domain.error.Reason;
import icp.filing.domain.identity.CertificateType;
import icp.filing.domain.identity.EmailAddress;
import icp.filing.domain.identity.PhoneNumber;
import java.time.LocalDate;
import java.util.Objects;

/**
 * 负责人: the person answerable for a subject or a service; SMS codes and results reach them.
 * {@code certificateValidUntil} is null for a document valid 长期. The certificate number is taken as given (the form
 * normalises it with {@link CertificateType#normalizeNumber}), so a stored principal loads whatever today's formats say.
 */
public record Principal(String name, CertificateType certificateType, String certificateNumber,
                        LocalDate certificateValidUntil, PhoneNumber phone, EmailAddress email) {
    public Principal {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(email, "email");
        if (!certificateType.forPerson()) {
            throw new InvalidValueException(Reason.CERTIFICATE_TYPE_MISMATCH,
                    "负责人须以个人证件登记 / a principal is identified by a personal certificate, not "
                    + certificateType.chineseName());
        }
        Objects.requireNonNull(certificateNumber, "certificateNumber");
    }

    @Override
    public String toString() {
        return "Principal[" + name + "]";
    }
}
