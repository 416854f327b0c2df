package icp.filing.adapters.persistence;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;

/** One service of an application, a line of its content; the kind decides which of the optional values are set. */
record ApplicationServiceRow(
        String applicationId,
        int position,
        String kind,
        String name,
        @Nullable String domains,
        @Nullable String homeUrl,
        @Nullable String platform,
        @Nullable String appKey,
        @Nullable String signingFingerprint,
        String principalName,
        int principalCertificateType,
        String principalCertificateNumber,
        @Nullable LocalDate principalCertificateValidUntil,
        String principalPhone,
        String principalEmail,
        int accessMethod,
        @Nullable String accessIps,
        @Nullable String serverLocation,
        @Nullable String contentCategories,
        @Nullable String languages) {
}
