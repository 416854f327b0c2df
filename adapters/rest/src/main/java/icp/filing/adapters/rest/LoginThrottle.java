package icp.filing.adapters.rest;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after {@code max-failures-per-user} failed sign-ins for one user name, or
 * {@code max-failures-per-address} from one client address, further attempts are refused (429) for a while that
 * doubles with every failure beyond the limit, up to 15 minutes. Failures are forgotten 15 minutes after the first of
 * them (or after the end of their block); a success clears the user's count. Counts live in
 * this instance's memory: several instances each hold their own, which only makes the limits per instance.
 */
@Singleton
public final class LoginThrottle {
    private static final Duration MAX_BLOCK = Duration.ofMinutes(15);
    private static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int MAX_TRACKED = 100_000;
    private static final int KEY_MAX = 128;

    private final int maxPerUser;
    private final int maxPerAddress;
    private final Duration block;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    private record Failures(int count, Instant since, Instant blockedUntil) {
    }

    @Inject
    LoginThrottle(@Value("${icp.bureau.login.max-failures-per-user:5}") int maxPerUser,
                  @Value("${icp.bureau.login.max-failures-per-address:20}") int maxPerAddress,
                  @Value("${icp.bureau.login.block:1m}") Duration block) {
        this(maxPerUser, maxPerAddress, block, Clock.systemUTC());
    }

    LoginThrottle(int maxPerUser, int maxPerAddress, Duration block, Clock clock) {
        this.maxPerUser = maxPerUser;
        this.maxPerAddress = maxPerAddress;
        this.block = block;
        this.clock = clock;
    }

    /** How long the caller must wait, if the user name or the address is blocked now. */
    Optional<Duration> blocked(String username, String address) {
        Instant now = clock.instant();
        return java.util.stream.Stream.of(userKey(username), addressKey(address))
                .map(failures::get)
                .filter(f -> f != null && f.blockedUntil() != null && f.blockedUntil().isAfter(now))
                .map(f -> Duration.between(now, f.blockedUntil()))
                .max(Duration::compareTo);
    }

    void failed(String username, String address) {
        if (failures.size() > MAX_TRACKED) {
            // a flood of distinct names must not grow memory without end; blocks already running are lost
            failures.clear();
        }
        record(userKey(username), maxPerUser);
        record(addressKey(address), maxPerAddress);
    }

    void succeeded(String username) {
        failures.remove(userKey(username));
    }

    private void record(String key, int max) {
        Instant now = clock.instant();
        failures.compute(key, (k, known) -> {
            Failures current = known;
            Instant last = current == null ? null : current.blockedUntil() == null ? current.since() : current.blockedUntil();
            if (last != null && last.plus(WINDOW).isBefore(now)) {
                current = null; // failures, or a block, long ago
            }
            int count = current == null ? 1 : current.count() + 1;
            Instant since = current == null ? now : current.since();
            if (count < max) {
                return new Failures(count, since, null);
            }
            // each failure past the limit doubles the wait; one right after a served block blocks again, longer
            long factor = 1L << Math.min(20, count - max);
            Duration wait = block.multipliedBy(factor);
            return new Failures(count, since, now.plus(wait.compareTo(MAX_BLOCK) > 0 ? MAX_BLOCK : wait));
        });
    }

    /** Keys are cut to a bounded length: a flood of huge user names must not fill memory (MAX_TRACKED × 8 KB). */
    private static String userKey(String username) {
        String name = username == null ? "" : username;
        return "user:" + (name.length() > KEY_MAX ? name.substring(0, KEY_MAX) : name);
    }

    private static String addressKey(String address) {
        return "address:" + (address == null ? "" : address);
    }
}
