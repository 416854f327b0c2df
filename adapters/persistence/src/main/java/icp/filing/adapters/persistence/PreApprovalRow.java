package icp.filing.adapters.persistence;

import io.micronaut.core.annotation.Nullable;

/** A pre-approval held by the service at {@code servicePosition} of an application, a line of its content. */
record PreApprovalRow(
        String applicationId,
        int servicePosition,
        String type,
        String authority,
        String approvalNumber,
        String documentMaterialId) {
}
