package icp.filing.application.usecase;

import icp.filing.application.command.NewFilingCommand;
import icp.filing.application.port.Applications;
import icp.filing.application.port.Filings;
import icp.filing.application.port.Transactions;
import icp.filing.domain.application.Application;
import icp.filing.domain.application.ApplicationId;
import icp.filing.domain.application.ProviderId;
import icp.filing.domain.common.Text;
import icp.filing.domain.error.AlreadyExistsException;
import icp.filing.domain.error.Reason;
import icp.filing.domain.error.Violations;
import icp.filing.domain.service.DomainName;
import icp.filing.domain.service.MiniProgram;
import icp.filing.domain.service.PublicSuffixes;
import icp.filing.domain.service.Service;
import icp.filing.domain.service.Website;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * A provider submits a new filing. A repeated request id returns the first result and creates nothing,
 * so providers can retry safely after a timeout.
 */
@Singleton
public final class SubmitApplication {
    private final Applications applications;
    private final Filings filings;
    private final PublicSuffixes publicSuffixes;
    private final Transactions transactions;
    private final Clock clock;

    public SubmitApplication(Applications applications, Filings filings, PublicSuffixes publicSuffixes,
                             Transactions transactions, Clock clock) {
        this.applications = applications;
        this.filings = filings;
        this.publicSuffixes = publicSuffixes;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Application submit(ProviderId provider, NewFilingCommand command) {
        String requestId = Text.optional(command.requestId());
        Optional<Application> earlier = previous(provider, requestId);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        NewFilingAssembler.Assembled input = new NewFilingAssembler(publicSuffixes).assemble(command);
        try {
            return transactions.inTransaction(() -> {
                rejectWhatIsAlreadyFiled(input);
                Application application = Application.submitNewFiling(ApplicationId.random(), provider, requestId,
                        input.subject(), input.services(), clock.instant());
                application.acceptIntoReview(clock.instant());
                applications.add(application);
                return application;
            });
        } catch (AlreadyExistsException e) {
            // a concurrent retry with the same request id won the insert: answer with its result
            if (e.reason() == Reason.DUPLICATE_REQUEST_ID) {
                return previous(provider, requestId).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    private Optional<Application> previous(ProviderId provider, String requestId) {
        return requestId == null ? Optional.empty() : applications.findByRequestId(provider, requestId);
    }

    /**
     * National uniqueness, checked early for a clear answer; the register's unique indexes hold it for good
     * at approval, when two applications race for the same domain.
     */
    private void rejectWhatIsAlreadyFiled(NewFilingAssembler.Assembled input) {
        if (filings.isSubjectFiled(input.subject())) {
            throw new AlreadyExistsException(Reason.SUBJECT_ALREADY_FILED,
                    "该主体已有备案，请使用新增服务 / the subject is already filed");
        }
        Violations violations = new Violations();
        List<Service> services = input.services();
        for (int i = 0; i < services.size(); i++) {
            Service service = services.get(i);
            String path = "services[" + i + "]";
            if (service instanceof Website website) {
                for (int d = 0; d < website.domains().size(); d++) {
                    DomainName registrable = publicSuffixes.registrableDomain(website.domains().get(d)).orElseThrow();
                    if (filings.isDomainFiled(registrable)) {
                        violations.add(path + ".domains[" + d + "]", Reason.DOMAIN_ALREADY_FILED,
                                "域名 " + registrable + " 已被备案 / already filed");
                    }
                }
            } else if (service.appIdentity().filter(filings::isAppFiled).isPresent()) {
                violations.add(path + (service instanceof MiniProgram ? ".app_id" : ".package_name"),
                        Reason.APP_ALREADY_FILED, "该应用已被备案 / already filed");
            }
        }
        violations.throwIfAny();
    }
}
