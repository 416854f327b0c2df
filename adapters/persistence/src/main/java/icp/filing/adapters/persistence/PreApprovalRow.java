package icp.filing.adapters.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A pre-approval held by the service at {@code servicePosition} of an application. */
@MappedEntity("application_pre_approval")
record PreApprovalRow(
        @Id @GeneratedValue @Nullable Long id,
        String applicationId,
        int servicePosition,
        String type,
        String authority,
        String approvalNumber,
        String documentMaterialId) {
}
