package icp.filing.application.usecase;

import icp.filing.application.port.Applications;
import icp.filing.application.port.FilingNumbers;
import icp.filing.application.port.Filings;
import icp.filing.application.port.Transactions;
import icp.filing.domain.application.Application;
import icp.filing.domain.application.FilingChange;
import icp.filing.domain.application.ReturnReason;
import icp.filing.domain.common.Province;
import icp.filing.domain.filing.Filing;
import icp.filing.domain.number.FilingNumber;
import icp.filing.domain.service.PublicSuffixes;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

/**
 * A bureau decides. Approval takes a serial, numbers the services, stores the decision and publishes the
 * filing in one transaction: a lost race or a uniqueness conflict leaves nothing behind, not even a gap
 * in the serials.
 */
@Singleton
public final class ReviewApplication {
    /** Filing numbers carry the year of approval as it is in China. */
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final ReviewQueue queue;
    private final Applications applications;
    private final FilingNumbers numbers;
    private final Filings filings;
    private final PublicSuffixes publicSuffixes;
    private final Transactions transactions;
    private final Clock clock;
    private final Notifications notifications;

    public ReviewApplication(ReviewQueue queue, Applications applications, FilingNumbers numbers, Filings filings,
                             PublicSuffixes publicSuffixes, Transactions transactions, Clock clock,
                             Notifications notifications) {
        this.notifications = notifications;
        this.queue = queue;
        this.applications = applications;
        this.numbers = numbers;
        this.filings = filings;
        this.publicSuffixes = publicSuffixes;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * 通过: a new filing gets its subject number and opens; any other request takes effect on its filing. Either way
     * the decision and the register change in one transaction, or neither.
     */
    /** An approved application and its filing as the approval left it. */
    public record Approved(Application application, Filing filing) {
    }

    public Approved approve(Reviewer reviewer, String applicationId) {
        return transactions.inTransaction(() -> {
            Application application = queue.get(reviewer, applicationId);
            Filing filing;
            if (application.request() instanceof FilingChange change) {
                filing = filings.find(change.subjectNumber()).orElseThrow(() -> new IllegalStateException(
                        "application " + application.id() + " names filing " + change.subjectNumber()
                                + ", which is not stored"));
                application.approveChange(reviewer.actor(), clock.instant(), filing, publicSuffixes);
                applications.update(application);
                filings.update(filing);
            } else {
                int year = clock.instant().atZone(CHINA).getYear();
                Province province = application.subject().province();
                FilingNumber number = FilingNumber.issue(province, year, numbers.nextSerial(province, year));
                filing = application.approveNewFiling(reviewer.actor(), clock.instant(), number, publicSuffixes);
                applications.update(application);
                filings.add(filing);
            }
            notifications.approved(application, filing);
            return new Approved(application, filing);
        });
    }

    public Application returnToProvider(Reviewer reviewer, String applicationId, List<ReturnReason> reasons,
                                        String comment) {
        return transactions.inTransaction(() -> {
            Application application = queue.get(reviewer, applicationId);
            application.returnToProvider(reviewer.actor(), clock.instant(), reasons, comment);
            applications.update(application);
            notifications.returned(application, "returned");
            return application;
        });
    }
}
