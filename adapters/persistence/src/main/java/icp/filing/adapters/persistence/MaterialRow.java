package icp.filing.adapters.persistence;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.LocalDateTime;

/**
 * One row of {@code material}: a verification material's description and its bytes together, so that the two are
 * written in one transaction. Read as a {@link MaterialDescription} (without the bytes) except for a download.
 */
@MappedEntity("material")
record MaterialRow(
        @Id String id,
        String providerId,
        String kind,
        String format,
        long sizeBytes,
        String sha256,
        LocalDateTime uploadedAt,
        byte[] content) {
}
