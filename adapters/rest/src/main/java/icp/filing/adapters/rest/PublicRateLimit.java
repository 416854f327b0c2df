package icp.filing.adapters.rest;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The public query's answer to scraping without a captcha: a token bucket per client address
 * ({@code icp.public.rate-limit.capacity} tokens, refilled at {@code .per-second}); a single query costs one token, a
 * batch one per item. The table of addresses is bounded: past {@code .max-addresses}, buckets that have filled up again
 * are dropped (they would be new and full anyway).
 */
@Singleton
final class PublicRateLimit {
    private final long capacity;
    private final double perSecond;
    private final int maxAddresses;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    PublicRateLimit(@Value("${icp.public.rate-limit.capacity:300}") long capacity,
                    @Value("${icp.public.rate-limit.per-second:20}") double perSecond,
                    @Value("${icp.public.rate-limit.max-addresses:100000}") int maxAddresses, Clock clock) {
        this.capacity = capacity;
        this.perSecond = perSecond;
        this.maxAddresses = maxAddresses;
        this.clock = clock;
    }

    /**
     * Takes the tokens, or says how long until there are enough.
     *
     * @return empty when taken; the wait otherwise (nothing is taken then)
     */
    Optional<Duration> take(String address, int tokens) {
        long now = clock.instant().toEpochMilli();
        if (buckets.size() >= maxAddresses) {
            buckets.values().removeIf(b -> b.level(now) >= capacity);
        }
        Bucket bucket = buckets.computeIfAbsent(address.length() > 64 ? address.substring(0, 64) : address,
                a -> new Bucket(capacity, now));
        synchronized (bucket) {
            double level = bucket.level(now);
            if (level >= tokens) {
                bucket.tokens = level - tokens;
                bucket.at = now;
                return Optional.empty();
            }
            double missing = Math.min(tokens, capacity) - level;
            return Optional.of(Duration.ofMillis((long) Math.ceil(missing / perSecond * 1000)));
        }
    }

    long capacity() {
        return capacity;
    }

    private final class Bucket {
        private double tokens;
        private long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }

        double level(long now) {
            return Math.min(capacity, tokens + (now - at) / 1000.0 * perSecond);
        }
    }
}
