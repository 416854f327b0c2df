package icp.filing.adapters.rest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * At most {@code max} attempts per key in a sliding window: answers how long to wait when the key is over. The map
 * is bounded, oldest key first out, so a flood of new keys (phones, addresses) cannot exhaust memory.
 */
final class AttemptLimiter {
    private static final int MAX_KEYS = 100_000;

    private final int max;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> attempts = new LinkedHashMap<>(16, 0.75f, true);

    AttemptLimiter(int max, Duration window, Clock clock) {
        this.max = max;
        this.window = window;
        this.clock = clock;
    }

    /** Counts an attempt of {@code key} unless it is over the limit; then how long until the next one is taken. */
    synchronized Optional<Duration> attempt(String key) {
        Optional<Duration> wait = waitFor(key);
        if (wait.isEmpty()) {
            count(key);
        }
        return wait;
    }

    /** How long until {@code key} may try again, if it is over the limit now; counts nothing. */
    synchronized Optional<Duration> waitFor(String key) {
        Instant now = clock.instant();
        Deque<Instant> times = attempts.get(key);
        if (times == null) {
            return Optional.empty();
        }
        while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(window))) {
            times.pollFirst();
        }
        return times.size() >= max ? Optional.of(Duration.between(now, times.peekFirst().plus(window))) : Optional.empty();
    }

    /** Counts an attempt of {@code key}, once it is known to count (see {@link #waitFor}). */
    synchronized void count(String key) {
        attempts.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(clock.instant());
        if (attempts.size() > MAX_KEYS) {
            Iterator<Map.Entry<String, Deque<Instant>>> eldest = attempts.entrySet().iterator();
            eldest.next();
            eldest.remove();
        }
    }
}
