package icp.filing.adapters.persistence;

import io.micronaut.core.annotation.Nullable;

/** An application's reference to a material, a line of its content; a null position is the subject's. */
record ApplicationMaterialRow(
        String applicationId,
        @Nullable Integer servicePosition,
        String kind,
        String materialId) {
}
