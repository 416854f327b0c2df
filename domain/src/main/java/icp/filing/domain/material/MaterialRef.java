package icp.filing.domain.material;

import java.util.Objects;

/**
 * An application's reference to a material: of the subject ({@code servicePosition} null) or of the service at
 * that position in the application.
 */
public record MaterialRef(Integer servicePosition, MaterialKind kind, MaterialId id) {
    public MaterialRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        if ((servicePosition == null) != (kind.owner() == MaterialKind.Owner.SUBJECT)) {
            throw new IllegalArgumentException(kind + " does not belong to " + (servicePosition == null
                    ? "the subject" : "a service"));
        }
    }

    public boolean ofSubject() {
        return servicePosition == null;
    }
}
