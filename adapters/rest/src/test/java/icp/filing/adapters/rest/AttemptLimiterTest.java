package icp.filing.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The limit on SMS confirmation attempts per phone and per client address: a sliding window per key. */
class AttemptLimiterTest {
    private Instant now = Instant.parse("2026-03-02T01:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void aKeyOverTheLimitWaitsUntilItsOldestAttemptLeavesTheWindow() {
        AttemptLimiter limiter = new AttemptLimiter(3, Duration.ofMinutes(15), clock);
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), limiter.attempt("address:203.0.113.9"));
            now = now.plusSeconds(60);
        }
        Optional<Duration> wait = limiter.attempt("address:203.0.113.9");
        assertEquals(Optional.of(Duration.ofMinutes(12)), wait, "the first attempt leaves the window in 12 minutes");
        assertEquals(Optional.empty(), limiter.attempt("address:198.51.100.1"), "another key is not held up");

        now = now.plus(Duration.ofMinutes(12));
        assertTrue(limiter.attempt("address:203.0.113.9").isEmpty());
    }
}
