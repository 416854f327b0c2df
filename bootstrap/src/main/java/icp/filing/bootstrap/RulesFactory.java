package icp.filing.bootstrap;

import icp.filing.application.usecase.ServedProvinces;
import icp.filing.application.usecase.SubmissionLimits;
import icp.filing.application.usecase.SupervisionSettings;
import icp.filing.domain.common.Province;
import icp.filing.domain.service.RestrictedWords;
import icp.filing.domain.service.ServiceNamePolicy;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Rule settings that are configuration, not law ({@code icp.rules.*}). */
@Factory
final class RulesFactory {
    @Singleton
    SubmissionLimits submissionLimits(@Value("${icp.rules.max-subjects-per-principal:5}") int maxSubjectsPerPrincipal,
                                      @Value("${icp.materials.max-bytes:10485760}") long maxMaterialBytes) {
        return new SubmissionLimits(maxSubjectsPerPrincipal, maxMaterialBytes);
    }

    /** {@code icp.node.provinces}: codes or abbreviations (11,31 or 京,沪); empty for every province. */
    @Singleton
    ServedProvinces servedProvinces(@Value("${icp.node.provinces:}") String provinces) {
        return new ServedProvinces(Arrays.stream(provinces.split(",")).map(String::strip).filter(p -> !p.isEmpty())
                .map(Province::parse).collect(java.util.stream.Collectors.toSet()));
    }

    @Singleton
    SupervisionSettings supervisionSettings(@Value("${icp.supervision.shell-notice:30d}") Duration shellNotice,
                                            @Value("${icp.supervision.objection-period:15d}") Duration objection) {
        return new SupervisionSettings(shellNotice, objection);
    }

    /**
     * The guide's restricted words plus each province's: {@code icp.rules.province-restricted-words.<code>} is a
     * comma-separated list, e.g. {@code 11: 首都,京城}.
     */
    @Singleton
    ServiceNamePolicy serviceNamePolicy(Environment environment) {
        Map<Province, Set<String>> additions = new EnumMap<>(Province.class);
        environment.getProperties("icp.rules.province-restricted-words").forEach((code, words) ->
                additions.put(Province.parse(code), Arrays.stream(String.valueOf(words).split("[,，\\s]+"))
                        .map(String::strip).filter(w -> !w.isEmpty()).collect(Collectors.toSet())));
        return new ServiceNamePolicy(RestrictedWords.national().withProvinceAdditions(additions));
    }
}
