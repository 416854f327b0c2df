package icp.filing.application.port;

import java.time.Instant;

/**
 * An outbox message as stored, with its delivery so far.
 *
 * @param claim the token of the relay that holds it now; its outcome counts only while the token is still the
 *              entry's (a relay that comes back after its lease ran out finds another one's token there)
 */
public record OutboxEntry(long id, OutboxMessage message, State state, int attempts, Instant createdAt,
                          Instant nextAttemptAt, Instant deliveredAt, String lastError, String claim) {

    /** PENDING until delivered, or FAILED once every attempt the relay may make has failed (an operator may retry). */
    public enum State {
        PENDING,
        DELIVERED,
        FAILED
    }
}
