package icp.filing.application.usecase;

import icp.filing.application.port.Applications;
import icp.filing.application.port.Filings;
import icp.filing.application.port.Transactions;
import icp.filing.domain.application.Actor;
import icp.filing.domain.application.Application;
import icp.filing.domain.application.ApplicationId;
import icp.filing.domain.application.ProviderId;
import icp.filing.domain.common.Province;
import icp.filing.domain.common.Text;
import icp.filing.domain.error.NotFoundException;
import icp.filing.domain.error.Reason;
import icp.filing.domain.error.Violations;
import icp.filing.domain.filing.Filing;
import icp.filing.domain.filing.FilingEvent;
import icp.filing.domain.number.FilingNumber;
import icp.filing.domain.objection.Objection;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * 陈述申辩 both ways: a provider lodges an objection against a return of its application or a revocation of a filing
 * it hosts (or hosted); the bureau of the province answers it, and an upheld objection undoes the decision in the same
 * transaction.
 */
@Singleton
public final class ObjectionDesk {
    private static final int STATEMENT_MAX = 2000;

    private final icp.filing.application.port.Objections objections;
    private final Applications applications;
    private final Filings filings;
    private final ProviderApplications providerApplications;
    private final SupervisionSettings settings;
    private final Transactions transactions;
    private final Clock clock;
    private final Notifications notifications;

    public ObjectionDesk(icp.filing.application.port.Objections objections, Applications applications,
                         Filings filings, ProviderApplications providerApplications, SupervisionSettings settings,
                         Transactions transactions, Clock clock, Notifications notifications) {
        this.notifications = notifications;
        this.objections = objections;
        this.applications = applications;
        this.filings = filings;
        this.providerApplications = providerApplications;
        this.settings = settings;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Against the return of one of the caller's applications. */
    public Objection againstReturn(ProviderId provider, String applicationId, String statement) {
        String words = statement(statement);
        return transactions.inTransaction(() -> {
            Application application = providerApplications.get(provider, applicationId);
            Objection objection = Objection.againstReturn(provider, application, words, clock.instant(),
                    settings.objectionPeriod());
            objections.add(objection, application.subject().province());
            return objection;
        });
    }

    /** Against the revocation of a service (service number) or filing (subject number) the caller hosts or hosted. */
    public Objection againstRevocation(ProviderId provider, String number, String statement) {
        String words = statement(statement);
        Violations violations = new Violations();
        FilingNumber parsed = violations.check("number", () -> FilingNumber.parse(number));
        violations.throwIfAny();
        return transactions.inTransaction(() -> {
            Filing filing = filings.find(parsed.subjectNumber()).filter(f -> f.isHostedBy(provider))
                    .orElseThrow(() -> new NotFoundException(Reason.FILING_NOT_FOUND,
                            "没有该备案号 / no filing " + parsed + " hosted by the caller"));
            Instant revokedAt = filings.events(filing.subjectNumber()).stream()
                    .filter(e -> e.number().equals(parsed) && (e.kind() == FilingEvent.Kind.SERVICE_REVOKED
                            || e.kind() == FilingEvent.Kind.SUBJECT_REVOKED))
                    .map(FilingEvent::at).reduce((a, b) -> b).orElse(Instant.EPOCH);
            Objection objection = Objection.againstRevocation(provider, filing, parsed, words, clock.instant(),
                    settings.objectionPeriod(), revokedAt);
            objections.add(objection, filing.subject().province());
            return objection;
        });
    }

    public List<Objection> ofProvider(ProviderId provider) {
        return objections.listByProvider(provider);
    }

    public List<Objection> ofProvince(Reviewer reviewer, Objection.State state) {
        return objections.listByProvince(reviewer.province(), state);
    }

    /**
     * The bureau's answer: upheld undoes the return (back in review) or the revocation (filed again); rejected leaves
     * the decision as it is. An objection against a revocation is answered by a supervisor.
     */
    public Objection answer(Reviewer reviewer, boolean supervisor, String id, boolean upheld, String answer) {
        String words = new Violations().check("comment", () -> Text.optional(answer, STATEMENT_MAX));
        return transactions.inTransaction(() -> {
            Objection objection = objections.find(id, reviewer.province()).orElseThrow(() -> new NotFoundException(
                    Reason.OBJECTION_NOT_FOUND, "没有该申辩 / no objection " + Text.excerpt(id)));
            boolean revocation = objection.against() == Objection.Against.REVOCATION;
            if (revocation && !supervisor) {
                throw new icp.filing.domain.error.PermissionDeniedException(Reason.PERMISSION_DENIED,
                        "撤销的申辩由监管人员答复 / a supervisor answers objections to revocations");
            }
            Actor by = new Actor(supervisor ? Actor.Kind.BUREAU_SUPERVISOR : Actor.Kind.BUREAU_REVIEWER,
                    reviewer.username());
            Instant now = clock.instant();
            if (upheld) {
                objection.uphold(by, words, now);
                undo(objection, by, words, now);
            } else {
                objection.reject(by, words, now);
            }
            objections.update(objection);
            return objection;
        });
    }

    private void undo(Objection objection, Actor by, String words, Instant now) {
        if (objection.against() == Objection.Against.RETURN) {
            Application application = applications.find(new ApplicationId(objection.target())).orElseThrow();
            application.reopenAfterObjection(by, now, words);
            applications.update(application);
        } else {
            FilingNumber number = FilingNumber.parse(objection.target());
            Filing filing = filings.find(number.subjectNumber()).orElseThrow();
            filing.reinstate(number, by, words, now);
            filings.update(filing);
            notifications.filingChanged(filing);
        }
    }

    private static String statement(String raw) {
        Violations violations = new Violations();
        String words = violations.text("statement", raw, STATEMENT_MAX);
        violations.throwIfAny();
        return words;
    }
}
