package icp.filing.application.port;

import icp.filing.application.port.OutboxMessage.Channel;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outbox table: messages are added in the caller's transaction; the relay claims due ones (several relays on one
 * database never claim the same entry), and records each attempt.
 */
public interface Outbox {
    /** Adds messages in the caller's transaction; a key already present is refused by a unique key. */
    void add(List<OutboxMessage> messages);

    /**
     * Claims up to {@code max} pending entries due at {@code now}, in a short transaction of its own, skipping rows
     * another relay holds locked; each claimed entry is not due again before {@code leaseUntil}.
     */
    List<OutboxEntry> claim(String token, int max, Instant now, Instant leaseUntil);

    /**
     * The entries were delivered, recorded together (one batch per table, in the caller's transaction): each DELIVERED,
     * the receiver's references (message ids) kept with the attempt and, where the channel
     * {@linkplain OutboxMessage.Channel#reportsReceipts() reports receipts}, for them; a secret message's values
     * erased. An entry whose claim is no longer its own is left as it is.
     */
    void delivered(List<Delivery> deliveries, Instant at);

    /**
     * An attempt failed: recorded with its error; pending again at {@code retryAt}, or FAILED when empty. Ignored when
     * the claim is no longer the entry's.
     */
    void attemptFailed(OutboxEntry claimed, Instant at, String error, Optional<Instant> retryAt);

    /** A receipt from the receiver (an SMS centre's delivery report) for one of the references of a delivery. */
    void receipt(String reference, String state, Instant at);

    /**
     * Pending, failed and delivered per channel, and the age of the oldest pending entry. Counting the delivered ones
     * reads every entry ever delivered: for an administrator's page, not for a gauge read every scrape.
     */
    Map<Channel, Counts> counts();

    /** As {@link #counts()} without the delivered ones: reads only the entries still waiting or failed. */
    Map<Channel, Counts> backlog();

    /** Entries in one state, newest first. */
    Page<OutboxEntry> list(OutboxEntry.State state, PageRequest page);

    Optional<OutboxEntry> find(long id);

    /** Every attempt of an entry, oldest first. */
    List<Attempt> attempts(long id);

    /** The receiver's references of an entry's delivery and the receipts reported for them. */
    List<Receipt> receipts(long id);

    /** A FAILED entry pending again now, its attempts counted afresh; false when it is not FAILED. */
    boolean retry(long id, Instant now);

    /** A claimed entry the receiver took, and the references it answered with. */
    record Delivery(OutboxEntry claimed, List<String> references) {
        public Delivery {
            references = List.copyOf(references);
        }
    }

    /** Entries per state of a channel; {@code delivered} is 0 in a {@link #backlog()}. */
    record Counts(long pending, long failed, long delivered, Optional<Instant> oldestPending) {
    }

    /** A reference of a delivery (an SMS centre's message id) and, once reported, its receipt's state. */
    record Receipt(String reference, Optional<String> state, Optional<Instant> reportedAt) {
    }

    /** One delivery attempt: when, by which relay, its outcome and error. */
    record Attempt(int number, Instant at, String relay, boolean delivered, String error, List<String> references) {
    }
}
