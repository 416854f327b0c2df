package icp.filing.domain.material;

import icp.filing.domain.common.Text;
import icp.filing.domain.error.InvalidValueException;
import icp.filing.domain.error.Reason;
import java.util.UUID;

/** A material's id: a random UUID handed to the provider at upload. */
public record MaterialId(String value) {
    public MaterialId {
        try {
            value = UUID.fromString(value == null ? "" : value.strip()).toString();
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(Reason.MATERIAL_NOT_FOUND, "没有该材料 / no material " + Text.excerpt(value));
        }
    }

    public static MaterialId random() {
        return new MaterialId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
