package icp.filing.application.usecase;

import icp.filing.application.command.NewFilingCommand.AccessInput;
import icp.filing.application.port.Filings;
import icp.filing.application.port.Transactions;
import icp.filing.domain.application.ProviderId;
import icp.filing.domain.common.Text;
import icp.filing.domain.error.ConcurrentUpdateException;
import icp.filing.domain.error.NotFoundException;
import icp.filing.domain.error.Reason;
import icp.filing.domain.error.Violations;
import icp.filing.domain.filing.Filing;
import icp.filing.domain.filing.FilingEvent;
import icp.filing.domain.number.FilingNumber;
import icp.filing.domain.service.Access;
import icp.filing.domain.service.PublicSuffixes;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A provider's filings: read one it hosts, and its own access to them, which it changes or ends at once, without
 * review (变更接入, 取消接入). A filing it hosts nothing of is NOT_FOUND, never a hint that the number exists.
 */
@Singleton
public final class ProviderFilings {
    private static final int ACCESS_ATTEMPTS = 5;
    private final Filings filings;
    private final PublicSuffixes publicSuffixes;
    private final Transactions transactions;
    private final Clock clock;

    public ProviderFilings(Filings filings, PublicSuffixes publicSuffixes, Transactions transactions, Clock clock) {
        this.filings = filings;
        this.publicSuffixes = publicSuffixes;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The filing under a subject number (or a service number's subject), if the provider hosts any of it. */
    public Filing get(ProviderId provider, String number) {
        FilingNumber parsed = number("subject_number", number);
        return filings.find(parsed.subjectNumber()).filter(f -> f.isHostedBy(provider))
                .orElseThrow(() -> notFound(parsed));
    }

    /**
     * The record of the filing as it concerns the provider: what happened to the subject, to the services it hosts or
     * hosted (another provider's access to them aside), and what it did itself.
     */
    public List<FilingEvent> record(ProviderId provider, Filing filing) {
        List<FilingEvent> events = filings.events(filing.subjectNumber());
        // the services it hosts now, and those it filed or came to host before (it saw them while it hosted them)
        java.util.Set<FilingNumber> itsServices = new java.util.HashSet<>();
        filing.services().stream().filter(s -> s.isHostedBy(provider)).forEach(s -> itsServices.add(s.number()));
        events.stream().filter(e -> provider.equals(e.provider())).forEach(e -> itsServices.add(e.number()));
        return events.stream().filter(e -> provider.equals(e.provider()) || !e.number().isServiceNumber()
                || (itsServices.contains(e.number()) && !isAccess(e))).toList();
    }

    /** Another provider's access to a service is that provider's business. */
    private static boolean isAccess(FilingEvent event) {
        return event.kind() == FilingEvent.Kind.ACCESS_ADDED || event.kind() == FilingEvent.Kind.ACCESS_CHANGED
                || event.kind() == FilingEvent.Kind.ACCESS_CANCELLED;
    }

    /** 变更接入. */
    public Filing changeAccess(ProviderId provider, String serviceNumber, AccessInput input) {
        FilingNumber number = serviceNumber(serviceNumber);
        Violations violations = new Violations();
        Access access = null;
        if (input == null) {
            violations.add("access", Reason.REQUIRED, "必填 / required");
        } else {
            access = NewFilingAssembler.today(publicSuffixes, clock, violations).access("access", input);
        }
        violations.throwIfAny();
        Access given = access;
        return retryingConflicts(() -> {
            Filing filing = hosted(provider, number);
            filing.changeAccess(number, provider, given, clock.instant());
            filings.update(filing);
            return filing;
        });
    }

    /** 取消接入: the filing as it is after; the provider may no longer see it when it hosted nothing else. */
    public Optional<Filing> cancelAccess(ProviderId provider, String serviceNumber) {
        FilingNumber number = serviceNumber(serviceNumber);
        return retryingConflicts(() -> {
            Filing filing = hosted(provider, number);
            filing.cancelAccess(number, provider, clock.instant());
            filings.update(filing);
            return Optional.of(filing).filter(f -> f.isHostedBy(provider));
        });
    }

    /**
     * A provider's own access change needs no review, so it should not fail because something else changed the
     * filing at the same moment (another provider's access, a bureau decision): it is read and applied again, a few
     * times, and only then answered CONCURRENT_UPDATE.
     */
    private <T> T retryingConflicts(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.inTransaction(work);
            } catch (ConcurrentUpdateException e) {
                if (attempt == ACCESS_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private Filing hosted(ProviderId provider, FilingNumber number) {
        return filings.find(number.subjectNumber())
                .filter(f -> f.service(number).filter(s -> s.isHostedBy(provider)).isPresent())
                .orElseThrow(() -> notFound(number));
    }

    private static FilingNumber serviceNumber(String raw) {
        FilingNumber number = number("service_number", raw);
        if (!number.isServiceNumber()) {
            Violations violations = new Violations();
            violations.add("service_number", Reason.INVALID_FILING_NUMBER,
                    "需要服务备案号，如 京ICP备2024012345号-1 / a service number (…号-1) is needed");
            violations.throwIfAny();
        }
        return number;
    }

    private static FilingNumber number(String field, String raw) {
        Violations violations = new Violations();
        FilingNumber number = violations.check(field, () -> FilingNumber.parse(Text.identifier(raw)));
        violations.throwIfAny();
        return number;
    }

    private static NotFoundException notFound(FilingNumber number) {
        return new NotFoundException(Reason.FILING_NOT_FOUND, "没有该备案号 / no filing " + number
                + " hosted by the caller");
    }
}
