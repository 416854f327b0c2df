package icp.filing.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import icp.filing.application.port.Outbox;
import icp.filing.application.port.OutboxEntry;
import icp.filing.application.port.OutboxMessage;
import icp.filing.application.port.Transactions;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The relay records deliveries several at a time in MariaDB: an entry whose claim lapsed and was taken by another
 * relay is left to that relay, the others are recorded with their attempt and receipts; the backlog the gauges read
 * counts what waits or failed, never the delivered history.
 */
@MicronautTest(transactional = false)
@Property(name = "datasources.default.url", value = "jdbc:mariadb://embedded/icp_outbox_record")
class OutboxRecordTest {
    @Inject
    Outbox outbox;
    @Inject
    Transactions transactions;
    @Inject
    javax.sql.DataSource dataSource;

    /**
     * A claim reads and locks its entries in one statement and answers them as they now stand; its READ COMMITTED is
     * its own transaction's, never left on a pooled connection for the transactions that come after.
     */
    @Test
    void aClaimAnswersItsEntriesAsStoredAndLeavesNoConnectionReadCommitted() throws Exception {
        add("record/claim-1", "record/claim-2");
        Instant now = later();
        Instant lease = now.plusSeconds(60).plusNanos(123_456_789);
        List<OutboxEntry> claimed = outbox.claim("relay-c", 100, now, lease).stream()
                .filter(e -> e.message().key().startsWith("record/claim-")).toList();
        assertEquals(2, claimed.size());
        for (OutboxEntry entry : claimed) {
            assertEquals("relay-c", entry.claim());
            assertEquals(lease.truncatedTo(ChronoUnit.MICROS), entry.nextAttemptAt());
            assertEquals(outbox.find(entry.id()).orElseThrow(), entry, "as stored");
        }
        assertTrue(outbox.claim("relay-d", 100, now, lease).stream()
                .noneMatch(e -> e.message().key().startsWith("record/claim-")), "claimed until the lease ends");

        // every connection of the pool at once (16), each asked for its session's isolation
        List<java.sql.Connection> held = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 16; i++) {
                held.add(io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource).getConnection());
            }
            for (java.sql.Connection connection : held) {
                try (var statement = connection.createStatement();
                     var rs = statement.executeQuery("SELECT @@session.transaction_isolation")) {
                    assertTrue(rs.next());
                    assertEquals("REPEATABLE-READ", rs.getString(1));
                }
            }
        } finally {
            for (java.sql.Connection connection : held) {
                connection.close();
            }
        }
    }

    @Test
    void aBatchOfDeliveriesSkipsTheEntryAnotherRelayNowHolds() {
        add("record/1", "record/2", "record/3");
        Instant now = later();
        List<OutboxEntry> first = outbox.claim("relay-a", 3, now, now.plusSeconds(1));
        assertEquals(3, first.size());
        // relay-a's lease on the oldest lapses and relay-b takes it
        List<OutboxEntry> retaken = outbox.claim("relay-b", 1, now.plusSeconds(2), now.plusSeconds(60));
        assertEquals(first.get(0).id(), retaken.get(0).id());

        record(now.plusSeconds(3), first.stream()
                .map(e -> new Outbox.Delivery(e, List.of("msg-" + e.message().key()))).toList());

        OutboxEntry held = outbox.find(first.get(0).id()).orElseThrow();
        assertEquals(OutboxEntry.State.PENDING, held.state(), "relay-a's word on relay-b's claim is void");
        assertEquals("relay-b", held.claim());
        assertTrue(outbox.attempts(held.id()).isEmpty());
        assertTrue(outbox.receipts(held.id()).isEmpty());
        for (OutboxEntry entry : first.subList(1, 3)) {
            OutboxEntry stored = outbox.find(entry.id()).orElseThrow();
            assertEquals(OutboxEntry.State.DELIVERED, stored.state());
            assertEquals(1, stored.attempts());
            List<Outbox.Attempt> attempts = outbox.attempts(entry.id());
            assertEquals(1, attempts.size());
            assertEquals("relay-a", attempts.get(0).relay());
            assertEquals(List.of("msg-" + entry.message().key()), attempts.get(0).references());
            assertTrue(outbox.receipts(entry.id()).isEmpty(), "a mail server sends no receipts to wait for");
        }

        record(now.plusSeconds(4), List.of(new Outbox.Delivery(retaken.get(0), List.of())));
        assertEquals(OutboxEntry.State.DELIVERED, outbox.find(held.id()).orElseThrow().state());
        assertEquals("relay-b", outbox.attempts(held.id()).get(0).relay());
    }

    @Test
    void anSmsDeliveryKeepsItsMessageIdsForTheCentresReceipts() {
        add(OutboxMessage.Channel.SMS, "record/sms");
        Instant now = later();
        OutboxEntry sms = outbox.claim("relay-a", 10, now, now.plusSeconds(60)).stream()
                .filter(e -> e.message().key().equals("record/sms")).findFirst().orElseThrow();

        record(now, List.of(new Outbox.Delivery(sms, List.of("centre-1", "centre-2"))));
        transactions.inTransaction(() -> {
            outbox.receipt("centre-2", "DELIVRD", now.plusSeconds(5));
            return null;
        });

        List<Outbox.Receipt> receipts = outbox.receipts(sms.id());
        assertEquals(List.of("centre-1", "centre-2"), receipts.stream().map(Outbox.Receipt::reference).toList());
        assertEquals(Optional.empty(), receipts.get(0).state());
        assertEquals(Optional.of("DELIVRD"), receipts.get(1).state());
    }

    @Test
    void theBacklogCountsWhatWaitsAndFailedButNotTheDelivered() {
        add("backlog/1", "backlog/2", "backlog/3", "backlog/4");
        Instant now = later();
        Map<OutboxMessage.Channel, Outbox.Counts> before = outbox.counts();
        List<OutboxEntry> claimed = outbox.claim("relay", 4, now.plusSeconds(3600), now.plusSeconds(3700));
        record(now, List.of(new Outbox.Delivery(claimed.get(0), List.of())));
        transactions.inTransaction(() -> {
            outbox.attemptFailed(claimed.get(1), now, "refused", Optional.empty());
            outbox.attemptFailed(claimed.get(2), now, "busy", Optional.of(now));
            outbox.attemptFailed(claimed.get(3), now, "busy", Optional.of(now));
            return null;
        });

        Outbox.Counts all = outbox.counts().get(OutboxMessage.Channel.EMAIL);
        Outbox.Counts backlog = outbox.backlog().get(OutboxMessage.Channel.EMAIL);
        Outbox.Counts was = before.get(OutboxMessage.Channel.EMAIL);
        assertEquals(was.delivered() + 1, all.delivered());
        assertEquals(0, backlog.delivered(), "the backlog does not read the delivered history");
        assertEquals(all.pending(), backlog.pending());
        assertEquals(all.failed(), backlog.failed());
        assertEquals(all.oldestPending(), backlog.oldestPending());
        assertEquals(was.pending() - 2, all.pending());
        assertEquals(was.failed() + 1, all.failed());
        assertTrue(backlog.oldestPending().isPresent());
    }

    /**
     * A millisecond after now: entries added just before are due by then even when added within the same millisecond
     * (they are stored to the microsecond, the test's instants to the millisecond).
     */
    private static Instant later() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS).plusMillis(1);
    }

    private void add(String... keys) {
        add(OutboxMessage.Channel.EMAIL, keys);
    }

    private void add(OutboxMessage.Channel channel, String... keys) {
        transactions.inTransaction(() -> {
            outbox.add(java.util.Arrays.stream(keys).map(key -> new OutboxMessage(channel, key,
                    "record@example.cn", "sms-expired", Map.of("name", "张三"), List.of(), false)).toList());
            return null;
        });
    }

    private void record(Instant at, List<Outbox.Delivery> deliveries) {
        transactions.inTransaction(() -> {
            outbox.delivered(deliveries, at);
            return null;
        });
    }
}
