package icp.filing.domain.subject;

import icp.filing.domain.error.InvalidValueException;
import icp.filing.domain.error.Reason;
import icp.filing.domain.identity.CertificateType;
import java.time.LocalDate;

/**
 * 证件有效期: an expired certificate proves nothing; a unit still on a legacy certificate may file only while it
 * has more than 3 months of validity left (the service guide's condition).
 */
public final class CertificateValidityPolicy {
    static final int LEGACY_MONTHS_LEFT = 3;

    private CertificateValidityPolicy() {
    }

    /**
     * @param validUntil last valid day, or null for 长期 (no end)
     * @param today      today in China
     */
    public static void check(CertificateType type, String normalizedNumber, LocalDate validUntil, LocalDate today) {
        if (validUntil != null && validUntil.isBefore(today)) {
            throw new InvalidValueException(Reason.CERTIFICATE_EXPIRED, "证件已于 " + validUntil + " 过期 / expired");
        }
        if (type.isLegacy(normalizedNumber)
                && (validUntil == null || !validUntil.isAfter(today.plusMonths(LEGACY_MONTHS_LEFT)))) {
            throw new InvalidValueException(Reason.LEGACY_CERTIFICATE_EXPIRING, "旧版证件（" + type.chineseName()
                    + "）有效期须超过3个月 / a legacy certificate needs more than 3 months left");
        }
    }
}
