package icp.filing.domain.service;

import icp.filing.domain.material.MaterialId;
import java.util.Objects;

/** One pre-approval a service holds: its type, the approving authority, the approval number and its document. */
public record PreApproval(PreApprovalType type, String authority, String approvalNumber, MaterialId document) {
    public PreApproval {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(approvalNumber, "approvalNumber");
        Objects.requireNonNull(document, "document");
    }
}
