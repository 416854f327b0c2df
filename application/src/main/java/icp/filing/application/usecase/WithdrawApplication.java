package icp.filing.application.usecase;

import icp.filing.application.port.Applications;
import icp.filing.application.port.Transactions;
import icp.filing.domain.application.Actor;
import icp.filing.domain.application.Application;
import icp.filing.domain.application.ProviderId;
import icp.filing.domain.common.Text;
import icp.filing.domain.error.Violations;
import jakarta.inject.Singleton;
import java.time.Clock;

/** 撤回: a provider takes back its own application before the bureau decides; another's looks like no application. */
@Singleton
public final class WithdrawApplication {
    static final int COMMENT_MAX = 500;
    private final ProviderApplications providerApplications;
    private final Applications applications;
    private final Transactions transactions;
    private final Clock clock;
    private final Notifications notifications;

    public WithdrawApplication(ProviderApplications providerApplications, Applications applications,
                               Transactions transactions, Clock clock, Notifications notifications) {
        this.notifications = notifications;
        this.providerApplications = providerApplications;
        this.applications = applications;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Application withdraw(ProviderId provider, String applicationId, String rawComment) {
        String comment = comment(rawComment);
        return transactions.inTransaction(() -> {
            Application application = providerApplications.get(provider, applicationId);
            application.withdraw(Actor.provider(provider), clock.instant(), comment);
            // version-checked: a bureau decision at the same moment wins or loses whole (CONCURRENT_UPDATE)
            applications.update(application);
            notifications.withdrawn(application);
            return application;
        });
    }

    private static String comment(String raw) {
        Violations violations = new Violations();
        String comment = violations.check("comment", () -> Text.optional(raw, COMMENT_MAX));
        violations.throwIfAny();
        return comment;
    }
}
