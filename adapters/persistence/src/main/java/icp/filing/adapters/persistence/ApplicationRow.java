package icp.filing.adapters.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One row of table application: the subject and its principal flattened; what it asks for and its history as text
 * ({@link ApplicationText}).
 */
@MappedEntity("application")
record ApplicationRow(
        @Id String id,
        String providerId,
        @Nullable String requestId,
        @Nullable String requestDigest,
        String operation,
        @Nullable String targetNumber,
        String state,
        String provinceCode,
        int subjectNature,
        String subjectName,
        int subjectCertificateType,
        String subjectCertificateNumber,
        @Nullable LocalDate subjectCertificateValidUntil,
        @Nullable String subjectAddress,
        String principalName,
        int principalCertificateType,
        String principalCertificateNumber,
        @Nullable LocalDate principalCertificateValidUntil,
        String principalPhone,
        String principalEmail,
        @Nullable String subjectNumber,
        @Nullable String serviceNumbers,
        LocalDateTime submittedAt,
        @Nullable LocalDateTime queuedAt,
        String subjectKey,
        @Nullable String openSubjectKey,
        String content,
        String history,
        @Version Long version) {
}
