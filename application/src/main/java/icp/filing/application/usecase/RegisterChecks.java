package icp.filing.application.usecase;

import icp.filing.application.port.Applications;
import icp.filing.application.port.Filings;
import icp.filing.domain.error.AlreadyExistsException;
import icp.filing.domain.error.Reason;
import icp.filing.domain.error.Violations;
import icp.filing.domain.filing.Filing;
import icp.filing.domain.filing.RegisterUniquenessPolicy;
import icp.filing.domain.service.PublicSuffixes;
import icp.filing.domain.subject.PrincipalReusePolicy;
import icp.filing.domain.subject.Subject;
import jakarta.inject.Singleton;

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
        new RegisterUniquenessPolicy(d -> publicSuffixes.registrableDomain(d).orElse(d), filings::ownerOf,
                filings::isAppFiled).check(input.services(), input.servicePaths(), own).forEach(violations::add);
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
