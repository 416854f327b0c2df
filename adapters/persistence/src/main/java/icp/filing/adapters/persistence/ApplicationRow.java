package icp.filing.adapters.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.annotation.Version;
import io.micronaut.data.model.DataType;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One row of table application: the subject and its principal flattened into the columns that are searched or unique;
 * what it asks for in one JSON column ({@link StoredContent}). Its history is the chain of
 * {@code application_transition} ({@link TransitionRow}).
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
        @TypeDef(type = DataType.JSON) StoredContent content,
        @Version Long version) {
}
