package icp.filing.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import icp.filing.application.port.Courier;
import icp.filing.application.port.OutboxMessage;
import icp.filing.application.port.ResultLog;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The result log takes a relay round's events in one transaction: each provider's sequence stays gapless and in the
 * round's order, a repeated key is the event already appended, and an event the log refuses sends the others in
 * one by one instead of keeping them out (its failed transaction leaves no gap).
 */
@MicronautTest(transactional = false)
@Property(name = "datasources.default.url", value = "jdbc:mariadb://embedded/icp_result_batch")
class ResultLogBatchTest {
    @Inject
    List<Courier> couriers;
    @Inject
    ResultLog log;

    @Test
    void aRoundOfEventsForTwoProvidersIsAppendedInOrderWithoutGaps() {
        String a = "provider-a-" + UUID.randomUUID();
        String b = "provider-b-" + UUID.randomUUID();
        List<Courier.Outcome> outcomes = results().deliverAll(List.of(event(a, "a1"), event(b, "b1"), event(a, "a2"),
                event(a, "a1")));

        assertEquals(List.of(List.of(a + "#1"), List.of(b + "#1"), List.of(a + "#2"), List.of(a + "#1")),
                outcomes.stream().map(Courier.Outcome::references).toList(), "in the round's order; a1 once");
        outcomes.forEach(o -> assertNull(o.failure()));
        assertEquals(List.of(a + "/a1", a + "/a2"), keys(a));
        assertEquals(List.of(1L, 2L), log.after(a, 0, 10).stream().map(ResultLog.Result::sequence).toList());
        assertEquals(List.of(b + "/b1"), keys(b));
    }

    @Test
    void aRedeliveredEventKeepsItsSequenceAndTheNewOnesFollowTheHead() {
        String a = "provider-d-" + UUID.randomUUID();
        results().deliverAll(List.of(event(a, "d1"), event(a, "d2")));
        List<Courier.Outcome> again = results().deliverAll(List.of(event(a, "d3"), event(a, "d2"), event(a, "d4")));

        assertEquals(List.of(List.of(a + "#3"), List.of(a + "#2"), List.of(a + "#4")),
                again.stream().map(Courier.Outcome::references).toList());
        assertEquals(List.of(a + "/d1", a + "/d2", a + "/d3", a + "/d4"), keys(a));
        assertEquals(List.of(1L, 2L, 3L, 4L), log.after(a, 0, 10).stream().map(ResultLog.Result::sequence).toList());
    }

    @Test
    void anEventTheLogRefusesDoesNotKeepTheOthersOut() {
        String a = "provider-c-" + UUID.randomUUID();
        OutboxMessage unreadable = new OutboxMessage(OutboxMessage.Channel.PROVIDER_RESULT, a + "/bad", a,
                "APPROVED", Map.of("at", "not a time"), List.of(), false);
        List<Courier.Outcome> outcomes = results().deliverAll(List.of(event(a, "c1"), unreadable, event(a, "c2")));

        assertNull(outcomes.get(0).failure());
        assertNotNull(outcomes.get(1).failure(), "the unreadable event is not taken");
        assertNull(outcomes.get(2).failure());
        assertEquals(List.of(a + "/c1", a + "/c2"), keys(a));
        assertEquals(List.of(1L, 2L), log.after(a, 0, 10).stream().map(ResultLog.Result::sequence).toList(),
                "the batch that failed left no gap");
    }

    private Courier results() {
        return couriers.stream().filter(c -> c.channel() == OutboxMessage.Channel.PROVIDER_RESULT).findFirst()
                .orElseThrow();
    }

    private List<String> keys(String provider) {
        return log.after(provider, 0, 10).stream().map(ResultLog.Result::key).toList();
    }

    private static OutboxMessage event(String provider, String name) {
        return new OutboxMessage(OutboxMessage.Channel.PROVIDER_RESULT, provider + "/" + name, provider, "APPROVED",
                Map.of("at", "2026-11-29T10:00:00Z", "application_id", name), List.of(), false);
    }
}
