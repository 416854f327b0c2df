package icp.filing.application.usecase;

import icp.filing.application.port.Filings;
import icp.filing.application.port.Transactions;
import icp.filing.domain.application.Actor;
import icp.filing.domain.common.Text;
import icp.filing.domain.error.NotFoundException;
import icp.filing.domain.error.Reason;
import icp.filing.domain.error.Violations;
import icp.filing.domain.filing.Filing;
import icp.filing.domain.filing.FilingEvent;
import icp.filing.domain.filing.RecordChain;
import icp.filing.domain.filing.RevocationReason;
import icp.filing.domain.number.FilingNumber;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;

/**
 * 监管: the bureau reads the filings of its province with their record, and its supervisors revoke them. Another
 * province's filing is not found, as for applications.
 */
@Singleton
public final class Supervision {
    private final Filings filings;
    private final Transactions transactions;
    private final Clock clock;
    private final SupervisionSettings settings;
    private final Notifications notifications;

    public Supervision(Filings filings, Transactions transactions, Clock clock, SupervisionSettings settings,
                       Notifications notifications) {
        this.notifications = notifications;
        this.filings = filings;
        this.transactions = transactions;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * 清理空壳: cancels the province's services nobody has hosted for longer than the notice period, each on record
     * with the supervisor and the reason SHELL.
     *
     * @return the service numbers cancelled
     */
    public List<String> cleanUpShells(Reviewer supervisor) {
        java.time.Instant cut = clock.instant().minus(settings.shellNotice());
        List<String> cancelled = new java.util.ArrayList<>();
        for (Filings.Shell shell : filings.shells(supervisor.province(),
                icp.filing.application.port.PageRequest.of(0, 100)).items()) {
            if (shell.since() == null || shell.since().isAfter(cut)) {
                continue;
            }
            FilingNumber number = FilingNumber.parse(shell.serviceNumber());
            transactions.inTransaction(() -> {
                Filing filing = ofProvince(supervisor, number);
                filing.cleanUpShell(number, new Actor(Actor.Kind.BUREAU_SUPERVISOR, supervisor.username()),
                        clock.instant());
                notifications.shellCleanedUp(filing, number, clock.instant());
                filings.update(filing);
                return filing;
            });
            cancelled.add(shell.serviceNumber());
        }
        return cancelled;
    }

    /** A filing of the province and the record of its life. */
    public record FilingRecord(Filing filing, List<FilingEvent> events) {
    }

    public FilingRecord read(Reviewer reviewer, String number) {
        FilingNumber parsed = number(number);
        Filing filing = ofProvince(reviewer, parsed);
        return new FilingRecord(filing, filings.events(filing.subjectNumber()));
    }

    /** Recomputes the chain of the filing's record: whether anything in it was changed behind the system's back. */
    public RecordChain.Verification verify(Reviewer reviewer, String number) {
        Filing filing = ofProvince(reviewer, number(number));
        return RecordChain.verify(filings.record(filing.subjectNumber()));
    }

    /** 撤销备案 of a service (service number) or of the whole filing (subject number). */
    public FilingRecord revoke(Reviewer supervisor, String number, List<String> reasonCodes, String comment) {
        FilingNumber parsed = number(number);
        Violations violations = new Violations();
        List<RevocationReason> reasons = new java.util.ArrayList<>();
        List<String> codes = reasonCodes == null ? List.of() : reasonCodes;
        if (codes.size() > RevocationReason.values().length) {
            violations.add("reasons", Reason.TOO_MANY, "原因过多 / too many reasons");
            violations.throwIfAny();
        }
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            reasons.add(violations.check("reasons[" + i + "]", () -> RevocationReason.parse(code)));
        }
        String words = violations.check("comment", () -> Text.optional(comment, 2000));
        violations.throwIfAny();
        Filing revoked = transactions.inTransaction(() -> {
            Filing filing = ofProvince(supervisor, parsed);
            List<FilingNumber> affected = parsed.isServiceNumber() ? List.of(parsed)
                    : filing.filedServices().stream().map(icp.filing.domain.filing.FiledService::number).toList();
            filing.revoke(parsed, new Actor(Actor.Kind.BUREAU_SUPERVISOR, supervisor.username()), reasons, words,
                    clock.instant());
            notifications.revoked(filing, affected, reasons, words, clock.instant());
            filings.update(filing);
            return filing;
        });
        return new FilingRecord(revoked, filings.events(revoked.subjectNumber()));
    }

    private Filing ofProvince(Reviewer reviewer, FilingNumber number) {
        return filings.find(number.subjectNumber()).filter(f -> f.subject().province() == reviewer.province())
                .filter(f -> !number.isServiceNumber() || f.service(number).isPresent())
                .orElseThrow(() -> new NotFoundException(Reason.FILING_NOT_FOUND,
                        "没有该备案号 / no filing " + number + " in the province"));
    }

    private static FilingNumber number(String raw) {
        Violations violations = new Violations();
        FilingNumber number = violations.check("number", () -> FilingNumber.parse(raw));
        violations.throwIfAny();
        return number;
    }
}
