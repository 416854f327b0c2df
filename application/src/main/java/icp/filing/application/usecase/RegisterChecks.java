package icp.filing.application.usecase;

import icp.filing.application.port.Applications;
import icp.filing.application.port.Filings;
import icp.filing.application.port.NationalChecks;
import icp.filing.application.port.NationalFiling.Registered;
import icp.filing.domain.error.AlreadyExistsException;
import icp.filing.domain.error.Reason;
import icp.filing.domain.error.Violations;
import icp.filing.domain.filing.Filing;
import icp.filing.domain.filing.RegisterUniquenessPolicy;
import icp.filing.domain.number.FilingNumber;
import icp.filing.domain.service.AppIdentity;
import icp.filing.domain.service.DomainName;
import icp.filing.domain.service.PublicSuffixes;
import icp.filing.domain.service.Service;
import icp.filing.domain.service.Website;
import icp.filing.domain.subject.PrincipalReusePolicy;
import icp.filing.domain.subject.Subject;
import jakarta.inject.Singleton;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Checks against the register and the applications under way: national uniqueness and principal usage. */
@Singleton
public final class RegisterChecks {
    private final Filings filings;
    private final Applications applications;
    private final PublicSuffixes publicSuffixes;
    private final SubmissionLimits limits;
    private final Optional<NationalChecks> national;
    private final ServedProvinces served;
    public RegisterChecks(Filings filings, Applications applications, PublicSuffixes publicSuffixes,
                          SubmissionLimits limits, Optional<NationalChecks> national, ServedProvinces served) {
        this.national = national;
        this.served = served;
        this.filings = filings;
        this.applications = applications;
        this.publicSuffixes = publicSuffixes;
        this.limits = limits;
    }

    private static final Registered NOTHING_ELSEWHERE = new Registered(Map.of(), Set.of(), false);

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
        if (!served.serves(input.subject().province())) {
            violations.add(input.subjectPath(), Reason.PROVINCE_NOT_SERVED, "本节点不受理该省备案 / the subject is at home in "
                    + input.subject().province().chineseName() + "; its filing goes to that province's node");
            violations.throwIfAny();
        }
        Registrable registrable = registrable(input);
        Registered elsewhere = nationally(input, registrable, true);
        if (filings.isSubjectFiled(input.subject()) || elsewhere.subjectFiled()) {
            throw new AlreadyExistsException(Reason.SUBJECT_ALREADY_FILED,
                    "该主体已有备案，请使用新增服务 / the subject is already filed");
        }
        checkServices(input, null, elsewhere, violations);
        rejectOverusedPrincipal(input, violations);
    }

    /**
     * Services added to a filed subject: their domains may lie under registrable domains the subject owns already,
     * but no domain may be filed twice, and nothing another subject holds.
     */
    void checkAdded(NewFilingAssembler.Assembled input, Filing filing, Violations violations) {
        checkServices(input, filing, nationally(input, registrable(input), false), violations);
    }

    /** A changed subject's principal counts against the same limit as a new one. */
    void checkChangedSubject(NewFilingAssembler.Assembled input, Violations violations) {
        rejectOverusedPrincipal(input, violations);
    }

    /**
     * Every registrable domain, APP and the subject of the input filed in the province or, on a provincial node of a
     * multi-node deployment, in any province (one question to the ministry for the whole request).
     */
    private void checkServices(NewFilingAssembler.Assembled input, Filing own, Registered elsewhere,
                               Violations violations) {
        // a website's domains mostly share one registrable domain (example.cn, www.example.cn): asked once
        Map<DomainName, Optional<FilingNumber>> owners = new java.util.HashMap<>();
        Function<DomainName, Optional<FilingNumber>> ownerOf = d -> owners.computeIfAbsent(d, x -> filings.ownerOf(x)
                .or(() -> Optional.ofNullable(elsewhere.domainOwners().get(x.ascii())).map(FilingNumber::parse)));
        new RegisterUniquenessPolicy(this::registrable, ownerOf,
                app -> filings.isAppFiled(app) || elsewhere.filedApps().contains(app))
                .check(input.services(), input.servicePaths(), own).forEach(violations::add);
    }

    private DomainName registrable(DomainName domain) {
        return publicSuffixes.registrableDomain(domain).orElse(domain);
    }

    private Registered nationally(NewFilingAssembler.Assembled input, Registrable registrable, boolean subject) {
        if (national.isEmpty()) {
            return NOTHING_ELSEWHERE;
        }
        Set<String> domains = new LinkedHashSet<>();
        registrable.domains().forEach(d -> domains.add(d.ascii()));
        return national.get().check(domains, registrable.apps(),
                subject ? NationalSnapshot.identity(input.subject()) : "");
    }

    /** The registrable domains of the input's websites and the identities of its apps: what uniqueness is about. */
    private record Registrable(Set<DomainName> domains, Set<AppIdentity> apps) {
    }

    private Registrable registrable(NewFilingAssembler.Assembled input) {
        Set<DomainName> domains = new LinkedHashSet<>();
        Set<AppIdentity> apps = new LinkedHashSet<>();
        for (Service service : input.services()) {
            if (service instanceof Website website) {
                website.domains().forEach(d -> domains.add(registrable(d)));
            }
            service.appIdentity().ifPresent(apps::add);
        }
        return new Registrable(domains, apps);
    }

    /** One person's certificate or phone behind many subjects is a mark of filings bought or borrowed. */
    private void rejectOverusedPrincipal(NewFilingAssembler.Assembled input, Violations violations) {
        Subject subject = input.subject();
        String key = subject.identityKey();
        Applications.PrincipalUsage usage = applications.principalUsage(subject.principal().certificateNumber(),
                subject.principal().phone().value(), key);
        new PrincipalReusePolicy(limits.maxSubjectsPerPrincipal()).check(usage.byCertificate(), usage.byPhone(),
                input.subjectPath() + ".principal").forEach(violations::add);
    }
}
