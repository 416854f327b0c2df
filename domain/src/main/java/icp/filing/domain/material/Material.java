package icp.filing.domain.material;

import icp.filing.domain.application.ProviderId;
import java.time.Instant;
import java.util.Objects;

/** A stored verification document: what it is, whose it is, and the digest that proves it unchanged. */
public record Material(MaterialId id, ProviderId provider, MaterialKind kind, MaterialFormat format, long sizeBytes,
                       String sha256, Instant uploadedAt) {
    public Material {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(uploadedAt, "uploadedAt");
    }
}
