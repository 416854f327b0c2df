package icp.filing.adapters.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.LocalDateTime;

/** One row of {@code personal_data_read}: a reviewer's read of personal data, appended and never changed. */
@MappedEntity("personal_data_read")
record ReadRecordRow(
        @Id @GeneratedValue @Nullable Long id,
        String provinceCode,
        String reviewer,
        String applicationId,
        String what,
        @Nullable String materialId,
        LocalDateTime at) {
}
