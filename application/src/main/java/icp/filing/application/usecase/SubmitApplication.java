package icp.filing.application.usecase;

import icp.filing.application.command.NewFilingCommand;
import icp.filing.application.port.Applications;
import icp.filing.application.port.Transactions;
import icp.filing.domain.application.Application;
import icp.filing.domain.application.ApplicationId;
import icp.filing.domain.application.ProviderId;
import icp.filing.domain.common.Text;
import icp.filing.domain.error.AlreadyExistsException;
import icp.filing.domain.error.Reason;
import icp.filing.domain.material.MaterialRef;
import icp.filing.domain.service.PublicSuffixes;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * A provider submits a new filing. A repeated request id returns the first result and creates nothing,
 * so providers can retry safely after a timeout.
 */
@Singleton
public final class SubmitApplication {
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private final Applications applications;
    private final SubmissionChecks checks;
    private final PublicSuffixes publicSuffixes;
    private final Transactions transactions;
    private final Clock clock;

    public SubmitApplication(Applications applications, SubmissionChecks checks, PublicSuffixes publicSuffixes,
                             Transactions transactions, Clock clock) {
        this.applications = applications;
        this.checks = checks;
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
        LocalDate today = clock.instant().atZone(CHINA).toLocalDate();
        NewFilingAssembler.Assembled input = new NewFilingAssembler(publicSuffixes, today).assemble(command);
        try {
            return transactions.inTransaction(() -> {
                List<MaterialRef> materials = checks.check(provider, input);
                Application application = Application.submitNewFiling(ApplicationId.random(), provider, requestId,
                        input.subject(), input.services(), materials, clock.instant());
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
}
