package icp.filing.application.usecase;

import icp.filing.application.port.Outbox;
import icp.filing.application.port.OutboxEntry;
import icp.filing.application.port.OutboxMessage;
import icp.filing.application.port.Page;
import icp.filing.application.port.PageRequest;
import icp.filing.domain.error.NotFoundException;
import icp.filing.domain.error.Reason;
import icp.filing.domain.error.StateConflictException;
import icp.filing.domain.identity.EmailAddress;
import icp.filing.domain.identity.PhoneNumber;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The administrators' view of the outbox: counts per channel, entries by state with their last error, one entry's
 * attempts and receipts, and a retry of a failed entry. Recipients are masked and message values never shown: an
 * administrator sees that a code went to 138****8000, not the code.
 */
@Singleton
public final class OutboxDesk {
    private final Outbox outbox;
    private final RelayOutbox relay;
    private final Clock clock;

    public OutboxDesk(Outbox outbox, RelayOutbox relay, Clock clock) {
        this.outbox = outbox;
        this.relay = relay;
        this.clock = clock;
    }

    /** An entry as administrators see it. */
    public record EntryView(OutboxEntry entry, String maskedRecipient) {
        static EntryView of(OutboxEntry entry) {
            String recipient = entry.message().recipient();
            return new EntryView(entry, entry.message().channel() == OutboxMessage.Channel.EMAIL
                    ? EmailAddress.masked(recipient) : PhoneNumber.masked(recipient));
        }
    }

    /** One entry with every attempt and the receipts of its delivery. */
    public record EntryDetail(EntryView view, List<Outbox.Attempt> attempts, List<Outbox.Receipt> receipts) {
    }

    public Map<OutboxMessage.Channel, Outbox.Counts> counts() {
        return outbox.counts();
    }

    public Page<EntryView> list(OutboxEntry.State state, PageRequest page) {
        Page<OutboxEntry> entries = outbox.list(state, page);
        return new Page<>(entries.items().stream().map(EntryView::of).toList(), entries.page(), entries.size(),
                entries.total());
    }

    public EntryDetail read(long id) {
        OutboxEntry entry = find(id);
        return new EntryDetail(EntryView.of(entry), outbox.attempts(id), outbox.receipts(id));
    }

    /** A failed entry pending again now, with a fresh count of attempts; the relay starts on it at once. */
    public EntryDetail retry(long id) {
        OutboxEntry entry = find(id);
        if (!outbox.retry(id, clock.instant())) {
            throw new StateConflictException(Reason.OUTBOX_ENTRY_NOT_FAILED,
                    "只能重发失败的消息 / entry " + id + " is " + entry.state() + ", not FAILED");
        }
        relay.wake();
        return read(id);
    }

    private OutboxEntry find(long id) {
        return outbox.find(id).orElseThrow(() -> new NotFoundException(Reason.OUTBOX_ENTRY_NOT_FOUND,
                "没有该消息 / no outbox entry " + id));
    }
}
