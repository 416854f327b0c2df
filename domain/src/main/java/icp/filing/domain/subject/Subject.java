package icp.filing.domain.subject;

import icp.filing.domain.common.Province;
import icp.filing.domain.error.InvalidValueException;
import icp.filing.domain.error.Reason;
import icp.filing.domain.identity.CertificateType;
import java.time.LocalDate;
import java.util.Objects;

/**
 * 主体: the unit or natural person operating the services. The home province decides which bureau
 * reviews the filing and which abbreviation its number carries. {@code certificateValidUntil} is null for 长期.
 */
public record Subject(SubjectNature nature, String name, CertificateType certificateType, String certificateNumber,
                      LocalDate certificateValidUntil, Province province, String address, Principal principal) {
    public Subject {
        Objects.requireNonNull(nature, "nature");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(province, "province");
        Objects.requireNonNull(principal, "principal");
        if (nature.isPerson() != certificateType.forPerson()) {
            throw new InvalidValueException(Reason.NATURE_MISMATCH, nature.isPerson()
                    ? "个人须以个人证件备案 / a person is identified by a personal certificate, not "
                            + certificateType.chineseName()
                    : "单位须以单位证件备案 / a unit is identified by a unit certificate, not "
                            + certificateType.chineseName());
        }
        // normalised and checked by the form (CertificateType.normalizeNumber): a stored subject loads as accepted
        Objects.requireNonNull(certificateNumber, "certificateNumber");
    }

    public boolean isPerson() {
        return nature.isPerson();
    }

    /** What identifies the subject nationally, whatever certificate it presents: one filing per unit or person. */
    public String identityKey() {
        return certificateType.identityKey(certificateNumber);
    }

    @Override
    public String toString() {
        return "Subject[" + nature + ", " + province + "]";
    }
}
