package icp.filing.adapters.persistence;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import icp.filing.application.port.PublicRegister.Entry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The public answers of registrable domains as last read from the national register, so that a domain asked again
 * is answered from memory (the public query's hot path: every hosting check asks the same domains over and over).
 * "Nothing filed" is kept too: most domains asked are not filed.
 *
 * <p>Correct on this node by invalidation: a change to the national register empties the cache after its
 * transaction ends, and an answer read while a change was under way is not kept ({@link #generation()}). Changes made
 * by another node sharing the database are seen here after at most {@code icp.public.cache.ttl}, well within the
 * {@code max-age} that public answers give clients anyway.
 */
@Singleton
final class PublicAnswerCache {
    private final Cache<String, List<Entry>> answers;
    private final AtomicLong generation = new AtomicLong();

    PublicAnswerCache(@Value("${icp.public.cache.max-entries:50000}") long maxEntries,
                      @Value("${icp.public.cache.ttl:5s}") Duration ttl) {
        this(maxEntries, ttl, null);
    }

    /** @param metrics where hits, misses, size and evictions are counted ({@code cache="public_answers"}), if any */
    @Inject
    PublicAnswerCache(@Value("${icp.public.cache.max-entries:50000}") long maxEntries,
                      @Value("${icp.public.cache.ttl:5s}") Duration ttl, @Nullable MeterRegistry metrics) {
        if (maxEntries < 0 || maxEntries > 10_000_000) {
            throw new IllegalArgumentException("icp.public.cache.max-entries must be from 0 (off) to 10000000");
        }
        if (ttl.isNegative() || ttl.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("icp.public.cache.ttl must be from 0s (off) to 1m: public answers "
                    + "promise clients an age of at most 60 s");
        }
        this.answers = maxEntries == 0 || ttl.isZero() ? null
                : Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(ttl).recordStats().build();
        if (answers != null && metrics != null) {
            CaffeineCacheMetrics.monitor(metrics, answers, "public_answers");
        }
    }

    /** The answer kept for this registrable domain (ASCII form), if any. */
    Optional<List<Entry>> kept(String registrableDomain) {
        return answers == null ? Optional.empty() : Optional.ofNullable(answers.getIfPresent(registrableDomain));
    }

    /** Taken before reading the register; {@link #keep} keeps the answer only if no change began since. */
    long generation() {
        return generation.get();
    }

    void keep(String registrableDomain, List<Entry> entries, long readAt) {
        if (answers == null || generation.get() != readAt) {
            return;
        }
        answers.put(registrableDomain, List.copyOf(entries));
        // a change that ended between the check and the put has already emptied the cache: take the answer out again
        if (generation.get() != readAt) {
            answers.invalidate(registrableDomain);
        }
    }

    /** The national register changed (called when the changing transaction has ended, committed or not). */
    void changed() {
        generation.incrementAndGet();
        if (answers != null) {
            answers.invalidateAll();
        }
    }
}
