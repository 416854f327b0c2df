package icp.filing.application.usecase;

import icp.filing.application.port.OutboxMessage;
import icp.filing.application.port.ResultLog;
import icp.filing.domain.application.ProviderId;
import icp.filing.domain.error.InvalidInputException;
import icp.filing.domain.error.Reason;
import icp.filing.domain.error.StateConflictException;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A provider's result events after its cursor (ListResults, WatchResults). The cursor is the sequence of the last
 * event read, opaque to the provider ({@code c<base-36>}); the log's sequence per provider is gapless and grows in
 * commit order, so reading after it never skips an event. A cursor behind what the retention dropped is refused.
 */
@Singleton
public final class ProviderResults {
    public static final int MAX_PAGE = 100;
    private static final int MAX_CURSOR = 40;
    private static final int PURGE_BATCH = 1000;
    private static final Pattern CURSOR = Pattern.compile("c[0-9a-z]{1,12}");

    private final ResultLog log;
    private final Object arrivals = new Object();
    private long arrived;

    public ProviderResults(ResultLog log, RelayOutbox relay) {
        this.log = log;
        relay.onDelivered(OutboxMessage.Channel.PROVIDER_RESULT, this::arrived);
    }

    /** A page of events and the cursor after it (the request's cursor when there were none). */
    public record Page(List<ResultLog.Result> results, String nextCursor) {
    }

    public Page after(ProviderId provider, String cursor, int size) {
        if (size < 0 || size > MAX_PAGE) {
            throw InvalidInputException.of("page_size", Reason.INVALID_PAGE, "page_size is 1.." + MAX_PAGE);
        }
        long from = position(provider, cursor);
        List<ResultLog.Result> results = log.after(provider.value(), from, size == 0 ? MAX_PAGE : size);
        long last = results.isEmpty() ? from : results.get(results.size() - 1).sequence();
        return new Page(results, cursor(last));
    }

    /** The sequence a cursor stands for, checked: a cursor behind the retention has missed events. */
    public long position(ProviderId provider, String cursor) {
        long purged = log.purgedThrough(provider.value());
        if (cursor == null || cursor.isEmpty()) {
            return purged;
        }
        if (cursor.length() > MAX_CURSOR) {
            throw InvalidInputException.of("after_cursor", Reason.TOO_LONG, "最多 " + MAX_CURSOR + " 个字符 / at most "
                    + MAX_CURSOR + " characters");
        }
        if (!CURSOR.matcher(cursor).matches()) {
            throw InvalidInputException.of("after_cursor", Reason.INVALID_CURSOR, "不是有效的游标 / not a cursor");
        }
        long sequence = Long.parseLong(cursor.substring(1), 36);
        if (sequence < purged) {
            throw new StateConflictException(Reason.CURSOR_EXPIRED, "游标已过期 / the events after this cursor were "
                    + "dropped; read the applications' state and start again with an empty cursor");
        }
        return sequence;
    }

    /**
     * Drops the events appended longer ago than the retention; a cursor from before them is then answered
     * CURSOR_EXPIRED rather than silently skipping what it missed.
     *
     * @return how many were dropped
     */
    public int purge(java.time.Instant now, java.time.Duration retention) {
        int dropped = 0;
        int round;
        do {
            round = log.purgeBefore(now.minus(retention), PURGE_BATCH);
            dropped += round;
        } while (round == PURGE_BATCH);
        return dropped;
    }

    public static String cursor(long sequence) {
        return "c" + Long.toString(sequence, 36);
    }

    /** How many result events this process has appended so far: taken before a read, given to {@link #await}. */
    public long arrivals() {
        synchronized (arrivals) {
            return arrived;
        }
    }

    /**
     * Waits until this process appends an event after the count taken, or the time is up (events appended by another
     * instance on the same database are found by the caller's next read after the time).
     */
    public void await(long seen, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        synchronized (arrivals) {
            long left = millis;
            while (arrived == seen && left > 0) {
                arrivals.wait(left);
                left = (deadline - System.nanoTime()) / 1_000_000;
            }
        }
    }

    private void arrived() {
        synchronized (arrivals) {
            arrived++;
            arrivals.notifyAll();
        }
    }
}
