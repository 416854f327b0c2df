package icp.filing.application.usecase;

import icp.filing.application.port.Applications;
import icp.filing.application.port.SmsVerifications;
import icp.filing.application.port.Transactions;
import icp.filing.domain.application.Application;
import icp.filing.domain.application.ApplicationState;
import icp.filing.domain.verification.SmsVerification;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;

/**
 * Returns applications whose principals did not confirm within 24 hours (SMS_NOT_CONFIRMED). Run on a schedule;
 * each verification in a transaction of its own, so one conflict does not hold up the rest.
 */
@Singleton
public final class ExpireSmsVerifications {
    private static final int BATCH = 100;

    private final SmsVerifications verifications;
    private final Applications applications;
    private final Transactions transactions;
    private final Clock clock;
    private final Notifications notifications;

    public ExpireSmsVerifications(SmsVerifications verifications, Applications applications,
                                  Transactions transactions, Clock clock, Notifications notifications) {
        this.notifications = notifications;
        this.verifications = verifications;
        this.applications = applications;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** @return how many applications went back to their providers */
    public int run() {
        Instant now = clock.instant();
        int returned = 0;
        for (SmsVerification due : verifications.pendingExpiredBy(now, BATCH)) {
            try {
                returned += transactions.inTransaction(() -> expire(due, now));
            } catch (icp.filing.domain.error.ConcurrentUpdateException e) {
                // confirmed or withdrawn at this very moment: the next run looks again
            }
        }
        return returned;
    }

    private int expire(SmsVerification verification, Instant now) {
        verification.expire(now);
        verifications.update(verification);
        Application application = applications.find(verification.application()).orElseThrow();
        if (application.state() != ApplicationState.AWAITING_SMS_CONFIRMATION) {
            return 0;
        }
        application.failSmsConfirmation(now, "24小时内未完成短信核验 / not confirmed within 24 hours");
        applications.update(application);
        notifications.returned(application, "sms-expired");
        return 1;
    }
}
