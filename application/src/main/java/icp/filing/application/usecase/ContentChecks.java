package icp.filing.application.usecase;

import icp.filing.domain.application.ProviderId;
import icp.filing.domain.error.Reason;
import icp.filing.domain.error.Violations;
import icp.filing.domain.material.MaterialId;
import icp.filing.domain.material.MaterialKind;
import icp.filing.domain.material.MaterialRef;
import icp.filing.domain.material.MaterialRequirements;
import icp.filing.domain.service.PreApproval;
import icp.filing.domain.service.PreApprovalPolicy;
import icp.filing.domain.service.Service;
import icp.filing.domain.service.ServiceNamePolicy;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The rules on what is filed: service names, pre-approvals, and the documents each service must carry because
 * of them.
 */
@Singleton
public final class ContentChecks {
    private final ServiceNamePolicy names;
    private final MaterialChecks materials;

    public ContentChecks(ServiceNamePolicy names, MaterialChecks materials) {
        this.names = names;
        this.materials = materials;
    }

    List<MaterialRef> check(ProviderId provider, NewFilingAssembler.Assembled input, Violations violations) {
        List<Set<MaterialKind>> required = new ArrayList<>();
        for (int i = 0; i < input.services().size(); i++) {
            Service service = input.services().get(i);
            Set<MaterialKind> kinds = EnumSet.copyOf(MaterialRequirements.forService(service));
            ServiceNamePolicy.Decision name = names.judge(input.subject(), service.name());
            if (name.verdict() == ServiceNamePolicy.Verdict.REFUSED) {
                violations.add(input.servicePaths().get(i) + ".name", Reason.RESTRICTED_WORD_IN_NAME, "个人网站名称不得含有「"
                        + String.join("、", name.words()) + "」/ not in a natural person's service name");
            } else if (name.verdict() == ServiceNamePolicy.Verdict.NEEDS_NAME_APPROVAL) {
                kinds.add(MaterialKind.NAME_APPROVAL_DOCUMENT);
            }
            PreApprovalPolicy.check(input.subject().isPerson(), service.content(), input.servicePaths().get(i))
                    .forEach(violations::add);
            if (!service.content().preApprovals().isEmpty()) {
                kinds.add(MaterialKind.PRE_APPROVAL_DOCUMENT);
            }
            required.add(kinds);
        }
        List<MaterialRef> refs = materials.resolve(provider, input, required, violations);
        checkPreApprovalDocuments(input, refs, violations);
        return refs;
    }


    /** Each pre-approval's own document must be a pre-approval document, not any other upload. */
    private static void checkPreApprovalDocuments(NewFilingAssembler.Assembled input, List<MaterialRef> refs,
                                                  Violations violations) {
        for (int i = 0; i < input.services().size(); i++) {
            List<PreApproval> preApprovals = input.services().get(i).content().preApprovals();
            for (int j = 0; j < preApprovals.size(); j++) {
                MaterialId document = preApprovals.get(j).document();
                boolean isDocument = refs.stream().anyMatch(r -> r.id().equals(document)
                        && r.kind() == MaterialKind.PRE_APPROVAL_DOCUMENT);
                boolean known = refs.stream().anyMatch(r -> r.id().equals(document));
                if (known && !isDocument) {
                    violations.add(input.servicePaths().get(i) + ".pre_approvals[" + j + "].document_material_id",
                            Reason.MATERIAL_KIND_MISPLACED, "须为前置审批文件 / must be a PRE_APPROVAL_DOCUMENT");
                }
            }
        }
    }
}
