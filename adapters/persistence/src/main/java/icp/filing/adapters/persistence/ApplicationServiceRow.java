package icp.filing.adapters.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.LocalDate;

/** One service of an application; the kind decides which of the optional columns are set. */
@MappedEntity("application_service")
record ApplicationServiceRow(
        @Id @GeneratedValue @Nullable Long id,
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
