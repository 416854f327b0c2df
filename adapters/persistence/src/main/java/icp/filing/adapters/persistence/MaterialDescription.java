package icp.filing.adapters.persistence;

import io.micronaut.core.annotation.Introspected;
import java.time.LocalDateTime;

/** A material without its bytes: what every read but a download needs (a projection of {@link MaterialRow}). */
@Introspected
record MaterialDescription(String id, String providerId, String kind, String format, long sizeBytes, String sha256,
                           LocalDateTime uploadedAt) {
}
