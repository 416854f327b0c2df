package icp.filing.domain.service;

import icp.filing.domain.error.Reason;
import icp.filing.domain.error.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * 前置审批: content that needs a pre-approval may be filed only with it (authority, number, document); a natural
 * person may not offer such content at all.
 */
public final class PreApprovalPolicy {
    private PreApprovalPolicy() {
    }

    /** The violations of a service's content, reported under the service's {@code path}. */
    public static List<Violation> check(boolean person, ServiceContent content, String path) {
        List<Violation> violations = new ArrayList<>();
        if (person && content.needsPreApproval()) {
            violations.add(new Violation(path + ".content_categories", Reason.PRE_APPROVAL_NOT_FOR_PERSONS,
                    "个人不得提供需前置审批的内容 / a natural person may not file this content"));
            return violations;
        }
        Set<PreApprovalType> held = content.preApprovals().stream().map(PreApproval::type).collect(Collectors.toSet());
        for (PreApprovalType type : content.requiredPreApprovals()) {
            if (!held.contains(type)) {
                violations.add(new Violation(path + ".pre_approvals", Reason.PRE_APPROVAL_REQUIRED,
                        "「" + type.chineseName() + "」内容须提供前置审批 / needs pre-approval " + type));
            }
        }
        return violations;
    }
}
