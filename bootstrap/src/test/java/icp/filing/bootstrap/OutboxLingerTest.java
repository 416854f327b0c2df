package icp.filing.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import icp.filing.application.port.Outbox;
import icp.filing.application.port.OutboxMessage;
import icp.filing.application.port.Transactions;
import icp.filing.application.usecase.RelayOutbox;
import io.micronaut.context.annotation.Property;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Commits wake the relay one by one; a round costs its claim and its records whatever its size. After a round that
 * was not full the relay lingers ({@code icp.outbox.relay.linger}), so that entries committed close together by
 * transactions of their own are delivered together.
 */
@MicronautTest(transactional = false)
@Property(name = "datasources.default.url", value = "jdbc:mariadb://embedded/icp_outbox_linger")
@Property(name = "icp.outbox.relay.enabled", value = "true")
@Property(name = "icp.outbox.relay.linger", value = "2s")
class OutboxLingerTest {
    private static final int COMMITS = 10;

    @Inject
    Outbox outbox;
    @Inject
    Transactions transactions;
    @Inject
    RelayOutbox relay;
    @Inject
    DataSource dataSource;

    @Test
    void entriesOfCommitsCloseTogetherAreDeliveredInAtMostTwoRounds() throws Exception {
        for (int i = 0; i < COMMITS; i++) {
            OutboxMessage message = new OutboxMessage(OutboxMessage.Channel.EMAIL, "linger/" + i,
                    "linger@example.cn", "sms-expired", Map.of("name", "张三"), List.of(), false);
            transactions.inTransaction(() -> {
                outbox.add(List.of(message));
                return null;
            });
            relay.wake(); // as a committed change does
            Thread.sleep(20); // ten commits over 200 ms or so, well inside the linger even on a slow machine
        }

        Map<String, String> roundOf = new HashMap<>();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (roundOf.size() < COMMITS && System.nanoTime() < deadline) {
            Thread.sleep(50);
            roundOf = rounds();
        }
        assertEquals(COMMITS, roundOf.size(), "all delivered: " + roundOf);
        long rounds = roundOf.values().stream().distinct().count();
        // the first commit may meet the end of a linger; everything after it waits for the next round
        assertTrue(rounds <= 2, COMMITS + " commits went in " + rounds + " rounds: " + roundOf);
    }

    /** Each delivered entry's round: its attempt names the claim token of the round that delivered it. */
    private Map<String, String> rounds() throws Exception {
        Map<String, String> rounds = new HashMap<>();
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             var statement = c.prepareStatement("""
                     SELECT e.idempotency_key, a.relay FROM outbox_entry e JOIN outbox_attempt a ON a.entry_id = e.id
                     WHERE e.idempotency_key LIKE 'linger/%' AND a.delivered""");
             var rs = statement.executeQuery()) {
            while (rs.next()) {
                rounds.put(rs.getString(1), rs.getString(2));
            }
        }
        return rounds;
    }
}
