package icp.filing.application.usecase;

import icp.filing.application.command.NewFilingCommand;
import icp.filing.application.port.Applications;
import icp.filing.application.port.Transactions;
import icp.filing.domain.application.Application;
import icp.filing.domain.application.ApplicationId;
import icp.filing.domain.application.IdempotencyKey;
import icp.filing.domain.application.ProviderId;
import icp.filing.domain.common.Text;
import icp.filing.domain.error.AlreadyExistsException;
import icp.filing.domain.error.Reason;
import icp.filing.domain.error.Violations;
import icp.filing.domain.material.MaterialRef;
import icp.filing.domain.service.PublicSuffixes;
import icp.filing.domain.verification.SmsVerification;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * A provider submits a new filing. A repeated request id with the same request returns the first result and creates
 * nothing, so providers can retry safely after a timeout; with a different request it is refused.
 */
@Singleton
public final class SubmitApplication {
    private final Applications applications;
    private final SubmissionChecks checks;
    private final PublicSuffixes publicSuffixes;
    private final Transactions transactions;
    private final Clock clock;
    private final SmsStep smsStep;

    public SubmitApplication(Applications applications, SubmissionChecks checks, PublicSuffixes publicSuffixes,
                             Transactions transactions, Clock clock, SmsStep smsStep) {
        this.smsStep = smsStep;
        this.applications = applications;
        this.checks = checks;
        this.publicSuffixes = publicSuffixes;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Application submit(ProviderId provider, NewFilingCommand command) {
        // a bad request id is reported with every other violation of the request, by the assembler
        Violations violations = new Violations();
        IdempotencyKey key = idempotencyKey(command, violations);
        Optional<Application> earlier = previous(provider, key);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        NewFilingAssembler.Assembled input = NewFilingAssembler.today(publicSuffixes, clock, violations)
                .assemble(command);
        try {
            return transactions.inTransaction(() -> create(provider, input, key));
        } catch (AlreadyExistsException e) {
            // a concurrent retry with the same request id won the insert: answer with its result
            if (e.reason() == Reason.DUPLICATE_REQUEST_ID) {
                return previous(provider, key).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    /**
     * validate_only (AIP-163): every rule of a submission runs, the unique keys of the database included, and every
     * violation is answered; then all is rolled back. Nothing is stored and the request id is not consumed.
     *
     * @return the application as it would have been created
     */
    public Application validate(ProviderId provider, NewFilingCommand command) {
        Violations violations = new Violations();
        idempotencyKey(command, violations);
        NewFilingAssembler.Assembled input = NewFilingAssembler.today(publicSuffixes, clock, violations)
                .assemble(command);
        return transactions.rolledBack(() -> create(provider, input, null));
    }

    /** The checks that need stored state, then the application created and queued; the caller holds the transaction. */
    private Application create(ProviderId provider, NewFilingAssembler.Assembled input, IdempotencyKey key) {
        List<MaterialRef> materials = checks.check(provider, input);
        Application application = Application.submitNewFiling(ApplicationId.random(), provider, key,
                input.subject(), input.services(), materials, clock.instant());
        SmsVerification.Started sms = smsStep.begin(application);
        applications.add(application);
        smsStep.store(application, sms);
        return application;
    }

    /** The earlier application of the same request id, if it was sent with this very request. */
    private Optional<Application> previous(ProviderId provider, IdempotencyKey key) {
        if (key == null) {
            return Optional.empty();
        }
        Optional<Application> earlier = applications.findByRequestId(provider, key.requestId());
        earlier.flatMap(Application::idempotencyKey).ifPresent(key::checkRetryOf);
        return earlier;
    }

    /** The request id as normalised (its length counts after NFKC, which can lengthen it) and the request's digest. */
    private static IdempotencyKey idempotencyKey(NewFilingCommand command, Violations violations) {
        String requestId = violations.check("request_id", () -> Text.optionalIdentifier(command.requestId()));
        return requestId == null ? null : violations.check("request_id",
                () -> new IdempotencyKey(requestId, RequestDigest.of(command)));
    }
}
