package icp.filing.adapters.persistence;

import icp.filing.application.port.Outbox;
import icp.filing.application.port.OutboxEntry;
import icp.filing.application.port.OutboxMessage;
import icp.filing.application.port.Page;
import icp.filing.application.port.PageRequest;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.DefaultTransactionDefinition;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The outbox in MariaDB (V15): entries, their attempts and the receipts of their deliveries. */
@Singleton
@Connectable
class JdbcOutbox implements Outbox {
    private static final String COLUMNS = """
            SELECT id, idempotency_key, channel, template, recipient, payload, secret, state, attempts, created_at,
                   next_attempt_at, delivered_at, last_error, claim_token FROM outbox_entry
            """;

    /**
     * The claim's own short transaction. It runs READ COMMITTED (set for this transaction alone by its first
     * statement, which saves the pool's connection a switch there and back): it locks the rows it claims and no
     * gaps, so submissions that insert entries meanwhile neither wait for the relay nor deadlock with it.
     */
    private static final TransactionDefinition CLAIM = new DefaultTransactionDefinition(
            TransactionDefinition.Propagation.REQUIRES_NEW);

    private static final String ATTEMPT = """
            INSERT INTO outbox_attempt (entry_id, number, at, relay, delivered, error, refs)
            VALUES (?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcOperations jdbc;
    private final Clock clock;
    private final TransactionOperations<Connection> transactions;

    JdbcOutbox(JdbcOperations jdbc, Clock clock, TransactionOperations<Connection> transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.transactions = transactions;
    }

    @Override
    public void add(List<OutboxMessage> messages) {
        LocalDateTime now = UtcColumns.column(clock.instant());
        // in the caller's transaction: a rolled-back change sends nothing
        new Script().insert("""
                INSERT INTO outbox_entry (idempotency_key, channel, template, recipient, payload, secret, state,
                    attempts, created_at, next_attempt_at)""",
                messages.stream().map(m -> new Object[] {m.key(), m.channel().name(), m.template(), m.recipient(),
                        OutboxPayload.encode(m.fields(), m.items()), m.secret(), "PENDING", 0, now, now}).toList()).run(jdbc);
    }

    /** Rows another relay holds are skipped, not waited for: two relays never claim one entry. */
    @Override
    public List<OutboxEntry> claim(String token, int max, Instant now, Instant leaseUntil) {
        return transactions.execute(CLAIM, status -> claimed(token, max, now, leaseUntil));
    }

    private List<OutboxEntry> claimed(String token, int max, Instant now, Instant leaseUntil) {
        Sql.execute(jdbc, "SET TRANSACTION ISOLATION LEVEL READ COMMITTED");
        List<OutboxEntry> due = Sql.query(jdbc, COLUMNS + """
                 WHERE state = 'PENDING' AND next_attempt_at <= ?
                ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED""",
                JdbcOutbox::entry, UtcColumns.column(now), max);
        if (due.isEmpty()) {
            return List.of();
        }
        // as the column keeps it (microseconds), so that the entries answered equal the rows
        Instant leased = leaseUntil.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        List<Object> parameters = new ArrayList<>(List.of(token, UtcColumns.column(leased)));
        due.forEach(entry -> parameters.add(entry.id()));
        Sql.execute(jdbc, "UPDATE outbox_entry SET claim_token = ?, next_attempt_at = ? WHERE id IN ("
                + Sql.marks(due.size()) + ")", parameters.toArray());
        return due.stream().map(e -> new OutboxEntry(e.id(), e.message(), e.state(), e.attempts(), e.createdAt(),
                leased, e.deliveredAt(), e.lastError(), token)).toList();
    }

    @Override
    public void delivered(List<Delivery> deliveries, Instant at) {
        if (deliveries.isEmpty()) {
            return;
        }
        // which entries are still claimed as the relay thinks, read under lock: the batches below then only touch
        // those (a driver need not say which rows of a batch it changed)
        String in = Sql.marks(deliveries.size());
        Map<Long, String> claims = new java.util.HashMap<>();
        Sql.query(jdbc, "SELECT id, claim_token FROM outbox_entry WHERE id IN (" + in + ") FOR UPDATE", rs -> {
            claims.put(rs.getLong(1), rs.getString(2));
            return null;
        }, deliveries.stream().map(d -> (Object) d.claimed().id()).toArray());
        List<Object> entries = new ArrayList<>();
        List<Object[]> attempts = new ArrayList<>();
        List<Object[]> receipts = new ArrayList<>();
        for (Delivery delivery : deliveries) {
            OutboxEntry claimed = delivery.claimed();
            if (!claimed.claim().equals(claims.get(claimed.id()))) {
                continue;
            }
            entries.add(claimed.id());
            attempts.add(attemptRow(claimed, at, true, null, delivery.references()));
            if (claimed.message().channel().reportsReceipts()) {
                delivery.references().forEach(reference -> receipts.add(new Object[] {reference, claimed.id()}));
            }
        }
        if (entries.isEmpty()) {
            return;
        }
        // one statement for the round: the driver sends a batch of updates as one statement per row (it needs each
        // row's count), and each costs the server a parse and a plan
        List<Object> parameters = new ArrayList<>(entries.size() + 1);
        parameters.add(UtcColumns.column(at));
        parameters.addAll(entries);
        Sql.execute(jdbc, """
                UPDATE outbox_entry SET state = 'DELIVERED', attempts = attempts + 1, delivered_at = ?,
                    last_error = NULL, claim_token = NULL, payload = IF(secret, '', payload)
                WHERE id IN (""" + Sql.marks(entries.size()) + ")",
                parameters.toArray());
        Sql.batch(jdbc, ATTEMPT, attempts);
        Sql.batch(jdbc, """
                INSERT INTO outbox_receipt (reference, entry_id) VALUES (?, ?)
                ON DUPLICATE KEY UPDATE entry_id = VALUES(entry_id)""", receipts);
    }

    @Override
    public void attemptFailed(OutboxEntry claimed, Instant at, String error, Optional<Instant> retryAt) {
        // a secret that will not be delivered any more is erased as well
        int changed = Sql.execute(jdbc, """
                UPDATE outbox_entry SET state = ?, attempts = attempts + 1, last_error = ?, claim_token = NULL,
                    next_attempt_at = COALESCE(?, next_attempt_at), payload = IF(secret AND ? , '', payload)
                WHERE id = ? AND claim_token = ?""",
                retryAt.isPresent() ? "PENDING" : "FAILED", error, retryAt.map(UtcColumns::column).orElse(null),
                retryAt.isEmpty(), claimed.id(), claimed.claim());
        if (changed == 1) {
            attempt(claimed, at, false, error, List.of());
        }
    }

    private void attempt(OutboxEntry claimed, Instant at, boolean delivered, String error, List<String> references) {
        Sql.execute(jdbc, ATTEMPT, attemptRow(claimed, at, delivered, error, references));
    }

    private static Object[] attemptRow(OutboxEntry claimed, Instant at, boolean delivered, String error,
                                       List<String> references) {
        String refs = String.join(" ", references);
        return new Object[] {claimed.id(), claimed.attempts() + 1, UtcColumns.column(at), claimed.claim(), delivered,
                error, refs.length() > 2000 ? refs.substring(0, 2000) : refs};
    }

    @Override
    public void receipt(String reference, String state, Instant at) {
        Sql.execute(jdbc, """
                INSERT INTO outbox_receipt (reference, state, reported_at) VALUES (?, ?, ?)
                ON DUPLICATE KEY UPDATE state = VALUES(state), reported_at = VALUES(reported_at)""",
                reference, state, UtcColumns.column(at));
    }

    @Override
    public Map<OutboxMessage.Channel, Counts> counts() {
        return counted("SELECT channel, state, COUNT(*), MIN(created_at) FROM outbox_entry GROUP BY channel, state");
    }

    /**
     * Reads the waiting and failed entries only, never the delivered history: a range on the state of ix_outbox_due
     * or on channel and state of ix_outbox_channel, whichever the optimizer takes.
     */
    @Override
    public Map<OutboxMessage.Channel, Counts> backlog() {
        String channels = String.join(", ", java.util.Arrays.stream(OutboxMessage.Channel.values())
                .map(c -> "'" + c.name() + "'").toList());
        return counted("SELECT channel, state, COUNT(*), MIN(created_at) FROM outbox_entry WHERE channel IN ("
                + channels + ") AND state IN ('PENDING', 'FAILED') GROUP BY channel, state");
    }

    private Map<OutboxMessage.Channel, Counts> counted(String sql) {
        Map<OutboxMessage.Channel, long[]> counts = new EnumMap<>(OutboxMessage.Channel.class);
        Map<OutboxMessage.Channel, Instant> oldest = new EnumMap<>(OutboxMessage.Channel.class);
        for (OutboxMessage.Channel channel : OutboxMessage.Channel.values()) {
            counts.put(channel, new long[3]);
        }
        Sql.query(jdbc, sql, rs -> {
            OutboxMessage.Channel channel = OutboxMessage.Channel.valueOf(rs.getString(1));
            OutboxEntry.State state = OutboxEntry.State.valueOf(rs.getString(2));
            counts.get(channel)[state.ordinal()] = rs.getLong(3);
            if (state == OutboxEntry.State.PENDING) {
                oldest.put(channel, UtcColumns.instant(rs.getObject(4, LocalDateTime.class)));
            }
            return null;
        });
        Map<OutboxMessage.Channel, Counts> result = new EnumMap<>(OutboxMessage.Channel.class);
        counts.forEach((channel, c) -> result.put(channel, new Counts(c[OutboxEntry.State.PENDING.ordinal()],
                c[OutboxEntry.State.FAILED.ordinal()], c[OutboxEntry.State.DELIVERED.ordinal()],
                Optional.ofNullable(oldest.get(channel)))));
        return result;
    }

    @Override
    public Page<OutboxEntry> list(OutboxEntry.State state, PageRequest page) {
        List<OutboxEntry> items = Sql.query(jdbc, COLUMNS + " WHERE state = ? ORDER BY id DESC LIMIT ? OFFSET ?",
                JdbcOutbox::entry, state.name(), page.size(), page.offset());
        long total = Sql.query(jdbc, "SELECT COUNT(*) FROM outbox_entry WHERE state = ?", rs -> rs.getLong(1),
                state.name()).get(0);
        return new Page<>(items, page.page(), page.size(), total);
    }

    @Override
    public Optional<OutboxEntry> find(long id) {
        return Sql.query(jdbc, COLUMNS + " WHERE id = ?", JdbcOutbox::entry, id).stream().findFirst();
    }

    @Override
    public List<Attempt> attempts(long id) {
        return Sql.query(jdbc, """
                SELECT number, at, relay, delivered, error, refs FROM outbox_attempt WHERE entry_id = ? ORDER BY id""",
                rs -> new Attempt(rs.getInt(1), UtcColumns.instant(rs.getObject(2, LocalDateTime.class)),
                        rs.getString(3), rs.getBoolean(4), rs.getString(5),
                        rs.getString(6) == null || rs.getString(6).isEmpty() ? List.of()
                                : List.of(rs.getString(6).split(" "))), id);
    }

    @Override
    public List<Receipt> receipts(long id) {
        return Sql.query(jdbc, "SELECT reference, state, reported_at FROM outbox_receipt WHERE entry_id = ? "
                        + "ORDER BY reference", rs -> new Receipt(rs.getString(1), Optional.ofNullable(rs.getString(2)),
                Optional.ofNullable(rs.getObject(3, LocalDateTime.class)).map(UtcColumns::instant)), id);
    }

    @Override
    public boolean retry(long id, Instant now) {
        return Sql.execute(jdbc, """
                UPDATE outbox_entry SET state = 'PENDING', attempts = 0, next_attempt_at = ?, claim_token = NULL
                WHERE id = ? AND state = 'FAILED'""", UtcColumns.column(now), id) == 1;
    }

    private static OutboxEntry entry(ResultSet rs) throws SQLException {
        OutboxPayload.Values values = OutboxPayload.decode(rs.getString("payload"));
        OutboxMessage message = new OutboxMessage(OutboxMessage.Channel.valueOf(rs.getString("channel")),
                rs.getString("idempotency_key"), rs.getString("recipient"), rs.getString("template"),
                values.fields(), values.items(), rs.getBoolean("secret"));
        return new OutboxEntry(rs.getLong("id"), message, OutboxEntry.State.valueOf(rs.getString("state")),
                rs.getInt("attempts"), instant(rs, "created_at"), instant(rs, "next_attempt_at"),
                instant(rs, "delivered_at"), rs.getString("last_error"), rs.getString("claim_token"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : UtcColumns.instant(value);
    }
}
