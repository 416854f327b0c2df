package icp.filing.application.usecase;

import icp.filing.application.port.Applications;
import icp.filing.application.port.Filings;
import icp.filing.domain.error.AlreadyExistsException;
import icp.filing.domain.error.Reason;
import icp.filing.domain.error.Violations;
import icp.filing.domain.service.DomainName;
import icp.filing.domain.service.MiniProgram;
import icp.filing.domain.service.QuickApp;
import icp.filing.domain.service.PublicSuffixes;
import icp.filing.domain.service.Service;
import icp.filing.domain.service.Website;
import icp.filing.domain.subject.Subject;
import jakarta.inject.Singleton;
import java.util.List;

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
        List<Service> services = input.services();
        for (int i = 0; i < services.size(); i++) {
            Service service = services.get(i);
            String path = "new_filing.services[" + i + "]";
            if (service instanceof Website website) {
                for (int d = 0; d < website.domains().size(); d++) {
                    DomainName registrable = publicSuffixes.registrableDomain(website.domains().get(d)).orElseThrow();
                    if (filings.isDomainFiled(registrable)) {
                        violations.add(path + ".website.domains[" + d + "]", Reason.DOMAIN_ALREADY_FILED,
                                "域名 " + registrable + " 已被备案 / already filed");
                    }
                }
            } else if (service.appIdentity().filter(filings::isAppFiled).isPresent()) {
                violations.add(path + identityField(service),
                        Reason.APP_ALREADY_FILED, "该应用已被备案 / already filed");
            }
        }
        rejectOverusedPrincipal(input.subject(), violations);
    }

    /** Where a service's national identity was given, by the contract's field names. */
    private static String identityField(Service service) {
        if (service instanceof MiniProgram) {
            return ".mini_program.app_id";
        }
        return service instanceof QuickApp ? ".quick_app.package_name" : ".app.package_name";
    }

    /** One person's certificate or phone behind many subjects is a mark of filings bought or borrowed. */
    private void rejectOverusedPrincipal(Subject subject, Violations violations) {
        int max = limits.maxSubjectsPerPrincipal();
        String key = subject.identityKey();
        if (applications.countOtherSubjectsByPrincipalCertificate(subject.principal().certificateNumber(), key) >= max) {
            violations.add("new_filing.subject.principal.certificate_number", Reason.PRINCIPAL_OVERUSED,
                    "该负责人证件已用于 " + max + " 个主体 / already serves " + max + " subjects");
        }
        if (applications.countOtherSubjectsByPrincipalPhone(subject.principal().phone().value(), key) >= max) {
            violations.add("new_filing.subject.principal.phone", Reason.PRINCIPAL_OVERUSED,
                    "该负责人手机号已用于 " + max + " 个主体 / already serves " + max + " subjects");
        }
    }
}
