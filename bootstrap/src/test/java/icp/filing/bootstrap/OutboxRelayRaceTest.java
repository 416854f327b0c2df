package icp.filing.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import icp.filing.application.port.Courier;
import icp.filing.application.port.Outbox;
import icp.filing.application.port.OutboxMessage;
import icp.filing.application.port.Transactions;
import icp.filing.application.usecase.RelayOutbox;
import icp.filing.application.usecase.RelaySettings;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Two relays, as two instances of the system would run them, on one database: every entry is claimed by one of them
 * only (SELECT … FOR UPDATE SKIP LOCKED and a claim token), so 1,000 entries arrive 1,000 times.
 */
@MicronautTest(transactional = false)
@Property(name = "datasources.default.url", value = "jdbc:mariadb://embedded/icp_relay_race")
class OutboxRelayRaceTest {
    private static final int ENTRIES = 1000;

    @Inject
    Outbox outbox;
    @Inject
    Transactions transactions;
    @Inject
    Clock clock;

    @Test
    void twoRelaysDeliverAThousandEntriesWithNoDuplicate() throws Exception {
        for (int batch = 0; batch < ENTRIES / 100; batch++) {
            List<OutboxMessage> messages = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                messages.add(new OutboxMessage(OutboxMessage.Channel.EMAIL, "race/" + (batch * 100 + i),
                        "race@example.cn", "sms-expired", Map.of("name", "张三"), List.of(), false));
            }
            transactions.inTransaction(() -> {
                outbox.add(messages);
                return null;
            });
        }
        Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
        AtomicInteger[] byRelay = {new AtomicInteger(), new AtomicInteger()};
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> relays = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            RelayOutbox relay = new RelayOutbox(outbox, List.of(counting(received, byRelay[r])), transactions,
                    new RelaySettings(20, Duration.ofMinutes(5), 3, Duration.ofSeconds(1), Duration.ofSeconds(1)),
                    clock);
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    int idle = 0;
                    while (idle < 3) {
                        idle = relay.deliverDue() == 0 ? idle + 1 : 0;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            thread.start();
            relays.add(thread);
        }
        start.countDown();
        for (Thread thread : relays) {
            thread.join(120_000);
        }

        assertEquals(ENTRIES, received.size(), "every entry delivered");
        received.forEach((key, count) -> assertEquals(1, count.get(), key + " delivered " + count + " times"));
        Outbox.Counts counts = outbox.counts().get(OutboxMessage.Channel.EMAIL);
        assertEquals(ENTRIES, counts.delivered());
        assertEquals(0, counts.pending());
        System.out.printf("relay A delivered %d, relay B %d%n", byRelay[0].get(), byRelay[1].get());
    }

    /** A receiver that counts what it is given, by idempotency key. */
    private static Courier counting(Map<String, AtomicInteger> received, AtomicInteger mine) {
        return new Courier() {
            @Override
            public OutboxMessage.Channel channel() {
                return OutboxMessage.Channel.EMAIL;
            }

            @Override
            public List<String> deliver(OutboxMessage message) {
                received.computeIfAbsent(message.key(), k -> new AtomicInteger()).incrementAndGet();
                mine.incrementAndGet();
                return List.of();
            }
        };
    }
}
