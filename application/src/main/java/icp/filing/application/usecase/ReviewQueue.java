package icp.filing.application.usecase;

import icp.filing.application.port.Applications;
import icp.filing.application.port.Filings;
import icp.filing.application.port.Page;
import icp.filing.application.port.PageRequest;
import icp.filing.application.port.ReadRecords;
import icp.filing.application.port.Transactions;
import icp.filing.domain.application.Application;
import icp.filing.domain.application.ApplicationId;
import icp.filing.domain.application.ApplicationState;
import icp.filing.domain.application.FilingChange;
import icp.filing.domain.common.Text;
import icp.filing.domain.error.NotFoundException;
import icp.filing.domain.error.Reason;
import icp.filing.domain.filing.Filing;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** What a bureau sees: its province's applications, oldest in the queue first. */
@Singleton
public final class ReviewQueue {
    private final Applications applications;
    private final ReadRecords readRecords;
    private final Transactions transactions;
    private final Clock clock;
    private final Filings filings;

    public ReviewQueue(Applications applications, ReadRecords readRecords, Transactions transactions, Clock clock,
                       Filings filings) {
        this.filings = filings;
        this.applications = applications;
        this.readRecords = readRecords;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The application in full, personal data included: the read is recorded before anything is shown. */
    public Application read(Reviewer reviewer, String id) {
        Application application = get(reviewer, id);
        record(reviewer, application, ReadRecords.Subject.APPLICATION, null);
        return application;
    }

    /**
     * The filing a change is about, as it stands now: what the reviewer compares the request with. Empty for a new
     * filing.
     */
    public Optional<Filing> filingOf(Application application) {
        return application.request() instanceof FilingChange change ? filings.find(change.subjectNumber())
                : Optional.empty();
    }

    /** Recomputes the chain of the application's history: whether any step was changed behind the system's back. */
    public icp.filing.domain.filing.RecordChain.Verification verifyHistory(Reviewer reviewer, String id) {
        Application application = get(reviewer, id);
        return icp.filing.domain.application.HistoryChain.verify(applications.history(application.id()));
    }

    /** 空壳: the province's filed services that no provider hosts any more. */
    public Page<Filings.Shell> shells(Reviewer reviewer, PageRequest page) {
        return filings.shells(reviewer.province(), page);
    }

    /** Records a reviewer's read of personal data of the application; a read that cannot be recorded fails. */
    void record(Reviewer reviewer, Application application, ReadRecords.Subject what, String materialId) {
        ReadRecords.PersonalDataRead read = new ReadRecords.PersonalDataRead(reviewer.username(),
                reviewer.province(), application.id().value(), what, materialId, clock.instant());
        transactions.inTransaction(() -> {
            readRecords.add(read);
            return read;
        });
    }

    /** The reads of personal data in the reviewer's province, newest first. */
    public Page<ReadRecords.PersonalDataRead> readRecords(Reviewer reviewer, PageRequest page) {
        return readRecords.list(reviewer.province(), page);
    }

    /**
     * The province's applications in a state, oldest queue entry first: for those in review that is also the order
     * of their deadlines, which never go back as the entry date moves on.
     */
    public Page<Application> list(Reviewer reviewer, ApplicationState state, PageRequest page) {
        return applications.listByProvince(reviewer.province(), state, page);
    }

    /**
     * The province's applications in review whose 20 working days have passed, most overdue first. The stored queue
     * entry time only finds the candidates by its index; whether each is overdue is {@link ReviewPeriod#of}'s answer,
     * the one the queue's {@code overdue} flag gives, from the application's own history.
     */
    public Page<Application> overdue(Reviewer reviewer, ReviewPeriod period, PageRequest page) {
        Page<Application> candidates = applications.listInReviewQueuedBefore(reviewer.province(),
                period.overdueIfQueuedBefore(), page);
        List<Application> overdue = candidates.items().stream()
                .filter(a -> period.of(a).map(ReviewPeriod.Standing::overdue).orElse(false)).toList();
        return new Page<>(overdue, candidates.page(), candidates.size(),
                candidates.total() - (candidates.items().size() - overdue.size()));
    }

    /** Another province's application is answered as not found: its existence is not the reviewer's business. */
    public Application get(Reviewer reviewer, String id) {
        return applications.find(new ApplicationId(id))
                .filter(a -> a.subject().province() == reviewer.province())
                .orElseThrow(() -> new NotFoundException(Reason.APPLICATION_NOT_FOUND,
                        "没有该申请 / no application " + Text.excerpt(id)));
    }
}
