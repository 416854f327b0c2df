package icp.filing.application.usecase;

import icp.filing.domain.application.ProviderId;
import icp.filing.domain.error.Violations;
import icp.filing.domain.material.MaterialRef;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Everything a submission is checked against beyond its own form: the register and applications under way,
 * and the content rules with the materials they require. All violations come back in one answer.
 */
@Singleton
public final class SubmissionChecks {
    private final RegisterChecks register;
    private final ContentChecks content;

    public SubmissionChecks(RegisterChecks register, ContentChecks content) {
        this.register = register;
        this.content = content;
    }

    /**
     * @return the resolved material references
     * @throws icp.filing.domain.error.AlreadyExistsException when the subject is already filed
     * @throws icp.filing.domain.error.InvalidInputException with every other violation found
     */
    List<MaterialRef> check(ProviderId provider, NewFilingAssembler.Assembled input) {
        Violations violations = new Violations();
        register.check(input, violations);
        List<MaterialRef> materials = content.check(provider, input, violations);
        violations.throwIfAny();
        return materials;
    }
}
