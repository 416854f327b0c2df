package icp.filing.bootstrap;

import icp.filing.application.usecase.SubmissionLimits;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/** Rule settings that are configuration, not law ({@code icp.rules.*}). */
@Factory
final class RulesFactory {
    @Singleton
    SubmissionLimits submissionLimits(@Value("${icp.rules.max-subjects-per-principal:5}") int maxSubjectsPerPrincipal,
                                      @Value("${icp.materials.max-bytes:10485760}") long maxMaterialBytes) {
        return new SubmissionLimits(maxSubjectsPerPrincipal, maxMaterialBytes);
    }
}
