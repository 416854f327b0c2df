package icp.filing.adapters.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** An application's reference to a material; a null position is the subject's. */
@MappedEntity("application_material")
record ApplicationMaterialRow(
        @Id @GeneratedValue @Nullable Long id,
        String applicationId,
        @Nullable Integer servicePosition,
        String kind,
        String materialId) {
}
