package icp.filing.adapters.persistence;

import icp.filing.application.port.Courier;
import icp.filing.application.port.OutboxMessage;
import icp.filing.application.port.ResultLog;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The providers' result log (V16): the courier of the PROVIDER_RESULT channel appends each event under the next
 * sequence of its provider, once per idempotency key (a redelivery finds its key and is a no-op); the result stream
 * reads after a sequence.
 */
@Singleton
@Connectable
class JdbcResultLog implements Courier, ResultLog {
    private static final String INSERT = """
            INSERT INTO provider_result (provider_id, sequence, event_key, kind, occurred_at, payload, appended_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    JdbcResultLog(JdbcOperations jdbc, TransactionOperations<Connection> transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public OutboxMessage.Channel channel() {
        return OutboxMessage.Channel.PROVIDER_RESULT;
    }

    @Override
    public List<String> deliver(OutboxMessage message) {
        long sequence = transactions.executeWrite(status -> append(message));
        return List.of(message.recipient() + "#" + sequence);
    }

    /**
     * A round's events in one transaction and a few statements: the keys already in the log looked up together, then
     * per provider (in provider order, so that two relays lock the head rows in the same order) one upsert of its head
     * that reserves a run of sequences, and one batch of rows. Should the transaction fail, each event on its own, so
     * that one the log refuses does not hold back the others.
     */
    @Override
    public List<Outcome> deliverAll(List<OutboxMessage> messages) {
        if (messages.isEmpty()) {
            return List.of();
        }
        Map<String, Long> sequences;
        try {
            sequences = transactions.executeWrite(status -> appendAll(messages));
        } catch (RuntimeException e) {
            return Courier.super.deliverAll(messages);
        }
        return messages.stream().map(m -> Outcome.delivered(List.of(m.recipient() + "#" + sequences.get(m.key()))))
                .toList();
    }

    /** Sequence by event key for every message of the round: those already appended, then the new ones. */
    private Map<String, Long> appendAll(List<OutboxMessage> messages) {
        Map<String, Long> sequences = new HashMap<>();
        List<String> keys = messages.stream().map(OutboxMessage::key).distinct().toList();
        Sql.query(jdbc, "SELECT event_key, sequence FROM provider_result WHERE event_key IN ("
                + Sql.marks(keys.size()) + ")", rs -> {
                    sequences.put(rs.getString(1), rs.getLong(2));
                    return null;
                }, keys.toArray());
        // a key twice in one round is one event, as a redelivery would be
        Map<String, List<OutboxMessage>> fresh = new TreeMap<>();
        Set<String> taken = new HashSet<>(sequences.keySet());
        for (OutboxMessage message : messages) {
            if (taken.add(message.key())) {
                fresh.computeIfAbsent(message.recipient(), p -> new ArrayList<>()).add(message);
            }
        }
        List<Object[]> rows = new ArrayList<>();
        LocalDateTime appended = UtcColumns.column(clock.instant());
        fresh.forEach((provider, events) -> {
            long last = reserve(provider, events.size());
            long sequence = last - events.size();
            for (OutboxMessage event : events) {
                sequences.put(event.key(), ++sequence);
                rows.add(row(provider, sequence, event, appended));
            }
        });
        Sql.batch(jdbc, INSERT, rows);
        return sequences;
    }

    private long append(OutboxMessage message) {
        List<Long> known = Sql.query(jdbc, "SELECT sequence FROM provider_result WHERE event_key = ?",
                rs -> rs.getLong(1), message.key());
        if (!known.isEmpty()) {
            return known.get(0);
        }
        long sequence = reserve(message.recipient(), 1);
        Sql.execute(jdbc, INSERT, row(message.recipient(), sequence, message, UtcColumns.column(clock.instant())));
        return sequence;
    }

    /**
     * The provider's next {@code count} sequences; returns the last. The upsert locks the head row until commit, so
     * sequences are handed out in runs, gap-free.
     */
    private long reserve(String provider, int count) {
        return Sql.counted(jdbc, """
                INSERT INTO provider_result_head (provider_id, last_sequence) VALUES (?, LAST_INSERT_ID(?))
                ON DUPLICATE KEY UPDATE last_sequence = LAST_INSERT_ID(last_sequence + ?)""", provider, count, count);
    }

    private static Object[] row(String provider, long sequence, OutboxMessage message, LocalDateTime appended) {
        Instant occurred = Instant.parse(message.fields().get("at"));
        return new Object[] {provider, sequence, message.key(), message.template(), UtcColumns.column(occurred),
                OutboxPayload.encode(message.fields(), List.of()), appended};
    }

    @Override
    public List<Result> after(String provider, long sequence, int limit) {
        return Sql.query(jdbc, """
                SELECT sequence, event_key, kind, occurred_at, payload FROM provider_result
                WHERE provider_id = ? AND sequence > ? ORDER BY sequence LIMIT ?""",
                rs -> new Result(rs.getLong(1), rs.getString(2), rs.getString(3),
                        UtcColumns.instant(rs.getObject(4, LocalDateTime.class)),
                        OutboxPayload.decode(rs.getString(5)).fields()), provider, sequence, limit);
    }

    @Override
    public long purgedThrough(String provider) {
        return Sql.query(jdbc, "SELECT purged_through FROM provider_result_head WHERE provider_id = ?",
                rs -> rs.getLong(1), provider).stream().findFirst().orElse(0L);
    }

    /** Oldest first, per provider: the head remembers the highest sequence dropped, so old cursors are told so. */
    @Override
    public int purgeBefore(Instant cut, int limit) {
        return transactions.executeWrite(status -> {
            List<Object[]> old = Sql.query(jdbc, """
                    SELECT provider_id, sequence FROM provider_result WHERE appended_at < ?
                    ORDER BY appended_at LIMIT ? FOR UPDATE""",
                    rs -> new Object[] {rs.getString(1), rs.getLong(2)}, UtcColumns.column(cut), limit);
            for (Object[] row : old) {
                Sql.execute(jdbc, "DELETE FROM provider_result WHERE provider_id = ? AND sequence = ?", row[0], row[1]);
                Sql.execute(jdbc, """
                        UPDATE provider_result_head SET purged_through = GREATEST(purged_through, ?)
                        WHERE provider_id = ?""", row[1], row[0]);
            }
            return old.size();
        });
    }
}
