package icp.filing.application.usecase;

import icp.filing.application.port.SmsVerifications;
import icp.filing.domain.application.Application;
import icp.filing.domain.verification.CodeKey;
import icp.filing.domain.verification.SmsVerification;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;

/**
 * 短信核验 between submission and the bureau's queue: a submitted (or resubmitted) application waits for its
 * principals. The codes go into the outbox with the submission, so a refused or rolled-back one sends nothing and a
 * committed one sends them even if the system stops right after.
 */
@Singleton
public final class SmsStep {
    private final SmsVerifications verifications;
    private final Notifications notifications;
    private final Clock clock;
    private final CodeKey key;

    public SmsStep(SmsVerifications verifications, Notifications notifications, Clock clock, CodeKey key) {
        this.verifications = verifications;
        this.notifications = notifications;
        this.clock = clock;
        this.key = key;
    }

    /** The submitted application waits for SMS confirmation: its verification starts (stored by {@link #store}). */
    SmsVerification.Started begin(Application application) {
        application.awaitSmsConfirmation(clock.instant());
        return SmsVerification.start(application.id(), application.principals(), clock.instant(), key);
    }

    /**
     * Stores the verification of a new application and the SMS of its codes, in the caller's transaction, once the
     * application is stored.
     */
    void store(Application application, SmsVerification.Started started) {
        verifications.start(started.verification());
        notifications.verificationCodes(application, started.messages(), null, 0);
    }

    /** As {@link #store}, for a resubmitted application: the new verification replaces its earlier one. */
    void storeAgain(Application application, SmsVerification.Started started) {
        verifications.replace(started.verification());
        notifications.verificationCodes(application, started.messages(), null, 0);
    }

    /** 重发: new codes for those who have not confirmed, stored and into the outbox in the caller's transaction. */
    void resend(Application application, SmsVerification verification) {
        resent(application, verification, verification.resend(clock.instant(), key));
    }

    private void resent(Application application, SmsVerification verification, List<SmsVerification.Sms> codes) {
        verifications.update(verification);
        notifications.verificationCodes(application, codes, clock.instant(), verification.resends());
    }
}
