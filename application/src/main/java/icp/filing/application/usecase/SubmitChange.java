package icp.filing.application.usecase;

import icp.filing.application.command.FilingChangeCommand;
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
import icp.filing.domain.verification.SmsVerification;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;

/**
 * A provider asks to change a filed subject: add services, change the subject or a service, cancel either, or start
 * hosting a service. The filing is named by its number; a provider that hosts none of it (the service, for a
 * service's change or cancellation) gets NOT_FOUND, as if the number did not exist — except for add access, which is
 * how a provider comes in. Retries with the same request id answer the first result, as for a new filing.
 */
@Singleton
public final class SubmitChange {
    private final Applications applications;
    private final ChangeRequests changeRequests;
    private final Transactions transactions;
    private final Clock clock;
    private final SmsStep smsStep;

    public SubmitChange(Applications applications, ChangeRequests changeRequests, Transactions transactions,
                        Clock clock, SmsStep smsStep) {
        this.smsStep = smsStep;
        this.applications = applications;
        this.changeRequests = changeRequests;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Application submit(ProviderId provider, FilingChangeCommand command) {
        Violations violations = new Violations();
        IdempotencyKey key = idempotencyKey(command, violations);
        if (key != null) {
            Optional<Application> earlier = applications.findByRequestId(provider, key.requestId());
            earlier.flatMap(Application::idempotencyKey).ifPresent(key::checkRetryOf);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        try {
            return transactions.inTransaction(() -> create(provider, command, key, violations));
        } catch (AlreadyExistsException e) {
            if (e.reason() == Reason.DUPLICATE_REQUEST_ID) {
                return applications.findByRequestId(provider, key.requestId()).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    /** validate_only: every rule runs, nothing is stored, the request id is not consumed. */
    public Application validate(ProviderId provider, FilingChangeCommand command) {
        Violations violations = new Violations();
        idempotencyKey(command, violations);
        return transactions.rolledBack(() -> create(provider, command, null, violations));
    }

    private Application create(ProviderId provider, FilingChangeCommand command, IdempotencyKey key,
                               Violations violations) {
        ChangeRequests.Request request = changeRequests.read(provider, command, violations);
        Application application = Application.submit(ApplicationId.random(), provider, key, request.change(),
                request.materials(), clock.instant());
        SmsVerification.Started sms = smsStep.begin(application);
        applications.add(application);
        smsStep.store(application, sms);
        return application;
    }

    private static IdempotencyKey idempotencyKey(FilingChangeCommand command, Violations violations) {
        String requestId = violations.check("request_id", () -> Text.optionalIdentifier(command.requestId()));
        return requestId == null ? null : violations.check("request_id",
                () -> new IdempotencyKey(requestId, RequestDigest.of(command)));
    }
}
