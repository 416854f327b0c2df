package icp.filing.application.port;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The providers' result events as the outbox delivered them: per provider a gapless sequence in the order of
 * delivery, each event once (by its idempotency key), kept for a retention period.
 */
public interface ResultLog {
    /** One event as stored. */
    record Result(long sequence, String key, String kind, Instant occurredAt, Map<String, String> fields) {
    }

    /** The provider's events after a sequence, in order. */
    List<Result> after(String provider, long sequence, int limit);

    /** The sequence up to which the provider's events were dropped for age (0 when none was). */
    long purgedThrough(String provider);

    /** Drops events that occurred before the cut, at most {@code limit}; returns how many. */
    int purgeBefore(Instant cut, int limit);
}
