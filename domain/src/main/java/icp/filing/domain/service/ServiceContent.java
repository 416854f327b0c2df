package icp.filing.domain.service;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** What a service offers: its content categories, languages, and the pre-approvals it holds. */
public record ServiceContent(List<ContentCategory> categories, List<Language> languages,
                             List<PreApproval> preApprovals) {
    public static final ServiceContent NONE = new ServiceContent(List.of(), List.of(), List.of());

    public ServiceContent {
        categories = List.copyOf(categories);
        languages = List.copyOf(languages);
        preApprovals = List.copyOf(preApprovals);
    }

    /** The pre-approval types the declared categories call for. */
    public Set<PreApprovalType> requiredPreApprovals() {
        return categories.stream().flatMap(c -> c.preApproval().stream()).collect(Collectors.toSet());
    }

    public boolean needsPreApproval() {
        return !requiredPreApprovals().isEmpty() || !preApprovals.isEmpty();
    }
}
