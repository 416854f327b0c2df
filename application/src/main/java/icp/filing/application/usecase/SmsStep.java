package icp.filing.application.usecase;

import icp.filing.application.port.SmsSender;
import icp.filing.application.port.SmsVerifications;
import icp.filing.domain.application.Application;
import icp.filing.domain.verification.SmsVerification;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;

/**
 * 短信核验 between submission and the bureau's queue: a submitted (or resubmitted) application waits for its
 * principals; the codes go out only once the submission is committed, so a refused or rolled-back one sends nothing.
 */
@Singleton
public final class SmsStep {
    private final SmsVerifications verifications;
    private final SmsSender sender;
    private final Clock clock;

    public SmsStep(SmsVerifications verifications, SmsSender sender, Clock clock) {
        this.verifications = verifications;
        this.sender = sender;
        this.clock = clock;
    }

    /** The submitted application waits for SMS confirmation: its verification starts (stored by {@link #store}). */
    SmsVerification.Started begin(Application application) {
        application.awaitSmsConfirmation(clock.instant());
        return SmsVerification.start(application.id(), application.principals(), clock.instant());
    }

    /**
     * Stores the verification, in the caller's transaction, once the application is stored.
     *
     * @return the messages to {@link #send} once the transaction has committed
     */
    List<SmsVerification.Sms> store(SmsVerification.Started started) {
        verifications.start(started.verification());
        return started.messages();
    }

    void send(List<SmsVerification.Sms> messages) {
        messages.forEach(m -> sender.send(m.phone(), m.text()));
    }

    /** An application and the codes its submission sends. */
    record Begun(Application application, List<SmsVerification.Sms> messages) {
    }
}
