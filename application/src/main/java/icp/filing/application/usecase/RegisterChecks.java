package icp.filing.application.usecase;

import icp.filing.application.port.Applications;
import icp.filing.application.port.Filings;
import icp.filing.domain.error.AlreadyExistsException;
import icp.filing.domain.error.Reason;
import icp.filing.domain.error.Violations;
import icp.filing.domain.filing.Filing;
import icp.filing.domain.filing.ServiceChangePolicy;
import icp.filing.domain.number.FilingNumber;
import icp.filing.domain.service.DomainName;
import icp.filing.domain.service.PublicSuffixes;
import icp.filing.domain.service.Service;
import icp.filing.domain.service.Website;
import icp.filing.domain.subject.PrincipalReusePolicy;
import icp.filing.domain.subject.Subject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Checks against the register and the applications under way: national uniqueness and principal usage. */
@Singleton
public final class RegisterChecks {
    private final Filings filings;
    private final Applications applications;
    private final PublicSuffixes publicSuffixes;
    private final SubmissionLimits limits;

    public RegisterChecks(Filings filings, Applications applications, PublicSuffixes publicSuffixes,
                          SubmissionLimits limits) {
        this.filings = filings;
        this.applications = applications;
        this.publicSuffixes = publicSuffixes;
        this.limits = limits;
    }

    /**
     * National uniqueness, checked early for a clear answer; the register's unique indexes hold it for good
     * at approval, when two applications race for the same domain.
     */
    /**
     * Adds a violation for each domain or app another subject holds and for an overused principal.
     *
     * @throws AlreadyExistsException when the subject itself is already filed
     */
    void check(NewFilingAssembler.Assembled input, Violations violations) {
        if (filings.isSubjectFiled(input.subject())) {
            throw new AlreadyExistsException(Reason.SUBJECT_ALREADY_FILED,
                    "该主体已有备案，请使用新增服务 / the subject is already filed");
        }
        checkServices(input, null, violations);
        rejectOverusedPrincipal(input, violations);
    }

    /**
     * Services added to a filed subject: their domains may lie under registrable domains the subject owns already,
     * but no domain may be filed twice, and nothing another subject holds.
     */
    void checkAdded(NewFilingAssembler.Assembled input, Filing filing, Violations violations) {
        checkServices(input, filing, violations);
    }

    /** A changed subject's principal counts against the same limit as a new one. */
    void checkChangedSubject(NewFilingAssembler.Assembled input, Violations violations) {
        rejectOverusedPrincipal(input, violations);
    }

    private void checkServices(NewFilingAssembler.Assembled input, Filing own, Violations violations) {
        List<Service> services = input.services();
        Set<DomainName> ownDomains = own == null ? Set.of() : own.filedServices().stream()
                .filter(s -> s.service() instanceof Website).flatMap(s -> ((Website) s.service()).domains().stream())
                .collect(Collectors.toSet());
        for (int i = 0; i < services.size(); i++) {
            Service service = services.get(i);
            String path = input.servicePaths().get(i);
            if (service instanceof Website website) {
                for (int d = 0; d < website.domains().size(); d++) {
                    DomainName domain = website.domains().get(d);
                    DomainName registrable = publicSuffixes.registrableDomain(domain).orElseThrow();
                    Optional<FilingNumber> owner = filings.ownerOf(registrable);
                    if (ownDomains.contains(domain)
                            || owner.filter(o -> own == null || !o.equals(own.subjectNumber())).isPresent()) {
                        violations.add(path + ".website.domains[" + d + "]", Reason.DOMAIN_ALREADY_FILED,
                                "域名 " + registrable + " 已被备案 / already filed");
                    }
                }
            } else if (service.appIdentity().filter(filings::isAppFiled).isPresent()) {
                violations.add(path + ServiceChangePolicy.identityField(service),
                        Reason.APP_ALREADY_FILED, "该应用已被备案 / already filed");
            }
        }
    }

    /** One person's certificate or phone behind many subjects is a mark of filings bought or borrowed. */
    private void rejectOverusedPrincipal(NewFilingAssembler.Assembled input, Violations violations) {
        Subject subject = input.subject();
        String key = subject.identityKey();
        new PrincipalReusePolicy(limits.maxSubjectsPerPrincipal()).check(
                applications.countOtherSubjectsByPrincipalCertificate(subject.principal().certificateNumber(), key),
                applications.countOtherSubjectsByPrincipalPhone(subject.principal().phone().value(), key),
                input.subjectPath() + ".principal").forEach(violations::add);
    }
}
