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
import java.util.List;

/**
 * The providers' result log (V16): the courier of the PROVIDER_RESULT channel appends each event under the next
 * sequence of its provider, once per idempotency key (a redelivery finds its key and is a no-op); the result stream
 * reads after a sequence.
 */
@Singleton
@Connectable
class JdbcResultLog implements Courier, ResultLog {
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
     * A round's events in one transaction, in provider order (each provider's own events keep theirs, and two relays
     * lock the providers' head rows in the same order); should the transaction fail, each event on its own, so that
     * one the log refuses does not hold back the others.
     */
    @Override
    public List<Outcome> deliverAll(List<OutboxMessage> messages) {
        List<OutboxMessage> byProvider = messages.stream()
                .sorted(java.util.Comparator.comparing(OutboxMessage::recipient)).toList();
        java.util.Map<OutboxMessage, Long> sequences = new java.util.IdentityHashMap<>();
        try {
            transactions.executeWrite(status -> {
                byProvider.forEach(m -> sequences.put(m, append(m)));
                return null;
            });
        } catch (RuntimeException e) {
            return Courier.super.deliverAll(messages);
        }
        return messages.stream().map(m -> Outcome.delivered(List.of(m.recipient() + "#" + sequences.get(m))))
                .toList();
    }

    private long append(OutboxMessage message) {
        List<Long> known = Sql.query(jdbc, "SELECT sequence FROM provider_result WHERE event_key = ?",
                rs -> rs.getLong(1), message.key());
        if (!known.isEmpty()) {
            return known.get(0);
        }
        String provider = message.recipient();
        // the upsert locks the provider's head row until commit: sequences are handed out one by one, gap-free
        long sequence = Sql.counted(jdbc, """
                INSERT INTO provider_result_head (provider_id, last_sequence) VALUES (?, LAST_INSERT_ID(1))
                ON DUPLICATE KEY UPDATE last_sequence = LAST_INSERT_ID(last_sequence + 1)""", provider);
        Instant occurred = Instant.parse(message.fields().get("at"));
        Sql.execute(jdbc, """
                INSERT INTO provider_result (provider_id, sequence, event_key, kind, occurred_at, payload, appended_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", provider, sequence, message.key(), message.template(),
                UtcColumns.column(occurred), OutboxPayload.encode(message.fields(), List.of()),
                UtcColumns.column(clock.instant()));
        return sequence;
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
