package icp.filing.application.usecase;

import java.time.Duration;

/**
 * How the outbox relay works: entries claimed per round, how long a claim holds (a relay that dies mid-delivery
 * frees its entries after it), and the retries: up to {@code maxAttempts}, waiting {@code initialBackoff} after the
 * first failure and twice as long after each next one, never more than {@code maxBackoff}.
 */
public record RelaySettings(int batch, Duration lease, int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
    public RelaySettings {
        if (batch < 1 || maxAttempts < 1 || lease.isNegative() || lease.isZero() || initialBackoff.isNegative()
                || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("relay settings out of range: " + batch + ", " + lease + ", "
                    + maxAttempts + ", " + initialBackoff + ", " + maxBackoff);
        }
    }

    /** The wait after the {@code failures}-th failed attempt (1 for the first). */
    public Duration backoffAfter(int failures) {
        Duration wait = initialBackoff;
        for (int i = 1; i < failures && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
