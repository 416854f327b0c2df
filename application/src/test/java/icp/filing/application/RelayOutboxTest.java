package icp.filing.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import icp.filing.application.port.Courier;
import icp.filing.application.port.OutboxEntry;
import icp.filing.application.port.OutboxMessage;
import icp.filing.application.port.OutboxMessage.Channel;
import icp.filing.application.usecase.RelayOutbox;
import icp.filing.application.usecase.RelaySettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RelayOutboxTest {
    private static final Instant T0 = Instant.parse("2026-03-02T02:00:00Z");
    private final InMemoryPorts ports = new InMemoryPorts();
    private final InMemoryOutbox outbox = ports.outbox;
    private final List<String> delivered = new ArrayList<>();
    private Instant now = T0;
    private RuntimeException failure;
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final Courier courier = new Courier() {
        @Override
        public Channel channel() {
            return Channel.EMAIL;
        }

        @Override
        public List<String> deliver(OutboxMessage message) {
            if (failure != null) {
                throw failure;
            }
            delivered.add(message.key());
            return List.of("<" + message.key() + "@test>");
        }
    };
    private final RelayOutbox relay = new RelayOutbox(outbox, List.of(courier), ports.transactions,
            new RelaySettings(10, Duration.ofMinutes(2), 4, Duration.ofSeconds(10), Duration.ofSeconds(25)), clock);

    private void add(String key, Channel channel) {
        outbox.at(now);
        outbox.add(List.of(new OutboxMessage(channel, key, "a@example.com", "approved", Map.of(), List.of(), false)));
    }

    @Test
    void deliversEachDueEntryOnceAndKeepsTheReceiversReference() {
        add("k1", Channel.EMAIL);
        add("k2", Channel.EMAIL);
        assertEquals(2, relay.deliverDue());
        assertEquals(0, relay.deliverDue(), "nothing is due twice");
        assertEquals(List.of("k1", "k2"), delivered);
        OutboxEntry first = outbox.find(1).orElseThrow();
        assertEquals(OutboxEntry.State.DELIVERED, first.state());
        assertEquals(List.of("<k1@test>"), outbox.attempts(1).get(0).references());
    }

    @Test
    void retriesWithDoublingBackOffUpToItsBoundThenFails() {
        add("k1", Channel.EMAIL);
        failure = new Courier.DeliveryFailedException("connection refused", false, null);
        List<Duration> waits = new ArrayList<>();
        for (int attempt = 1; attempt <= 4; attempt++) {
            assertEquals(1, relay.deliverDue(), "attempt " + attempt);
            OutboxEntry entry = outbox.find(1).orElseThrow();
            if (entry.state() == OutboxEntry.State.PENDING) {
                waits.add(Duration.between(now, entry.nextAttemptAt()));
                assertEquals(0, relay.deliverDue(), "not due before its back-off");
                now = entry.nextAttemptAt();
            }
        }
        assertEquals(List.of(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(25)), waits);
        OutboxEntry failed = outbox.find(1).orElseThrow();
        assertEquals(OutboxEntry.State.FAILED, failed.state());
        assertEquals(4, outbox.attempts(1).size(), "every attempt recorded");
        assertTrue(failed.lastError().contains("connection refused"), failed.lastError());

        failure = null;
        assertTrue(outbox.retry(1, now), "an administrator retries");
        assertEquals(1, relay.deliverDue());
        assertEquals(List.of("k1"), delivered);
    }

    @Test
    void aPermanentRefusalFailsAtOnce() {
        add("k1", Channel.EMAIL);
        failure = new Courier.DeliveryFailedException("550 no such user", true, null);
        relay.deliverDue();
        assertEquals(OutboxEntry.State.FAILED, outbox.find(1).orElseThrow().state());
        assertEquals(1, outbox.attempts(1).size());
    }

    @Test
    void anEntryWithoutACourierFailsRatherThanBlockingTheOthers() {
        add("sms", Channel.SMS);
        add("mail", Channel.EMAIL);
        relay.deliverDue();
        assertEquals(List.of("mail"), delivered);
        assertTrue(outbox.find(1).orElseThrow().lastError().contains("no courier"));
    }

    @Test
    void aSlowChannelDoesNotHoldUpTheOthers() {
        java.util.concurrent.CountDownLatch smsDelivered = new java.util.concurrent.CountDownLatch(1);
        List<Boolean> mailSawSms = new java.util.concurrent.CopyOnWriteArrayList<>();
        Courier slowMail = new Courier() {
            @Override
            public Channel channel() {
                return Channel.EMAIL;
            }

            @Override
            public List<String> deliver(OutboxMessage message) {
                try {
                    mailSawSms.add(smsDelivered.await(5, java.util.concurrent.TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return List.of();
            }
        };
        Courier sms = new Courier() {
            @Override
            public Channel channel() {
                return Channel.SMS;
            }

            @Override
            public List<String> deliver(OutboxMessage message) {
                smsDelivered.countDown();
                return List.of();
            }
        };
        RelayOutbox both = new RelayOutbox(outbox, List.of(slowMail, sms), ports.transactions,
                new RelaySettings(10, Duration.ofMinutes(2), 4, Duration.ofSeconds(10), Duration.ofSeconds(25)), clock);
        add("mail-first", Channel.EMAIL);
        add("sms-second", Channel.SMS);

        assertEquals(2, both.deliverDue());

        assertEquals(List.of(true), mailSawSms, "the SMS went out while the mail server was still busy");
        assertEquals(OutboxEntry.State.DELIVERED, outbox.find(1).orElseThrow().state());
        assertEquals(OutboxEntry.State.DELIVERED, outbox.find(2).orElseThrow().state());
    }

    @Test
    void anOutcomeAfterTheClaimLapsedIsNotRecordedOverTheNextClaim() {
        add("k1", Channel.EMAIL);
        OutboxEntry stale = outbox.claim("relay-a", 1, now, now.plusSeconds(1)).get(0);
        now = now.plusSeconds(2);
        OutboxEntry current = outbox.claim("relay-b", 1, now, now.plusSeconds(60)).get(0);
        outbox.attemptFailed(stale, now, "late", java.util.Optional.empty());
        assertEquals(OutboxEntry.State.PENDING, outbox.find(1).orElseThrow().state(), "relay-a's word is void");
        outbox.delivered(List.of(new icp.filing.application.port.Outbox.Delivery(current, List.of())), now);
        assertEquals(OutboxEntry.State.DELIVERED, outbox.find(1).orElseThrow().state());
    }

    @Test
    void recordsDeliveriesAFewAtATimeAndTellsWatchersAsEachGoesOut() {
        List<Integer> recorded = new ArrayList<>();
        InMemoryOutbox counting = new InMemoryOutbox(new ArrayList<>()) {
            @Override
            public synchronized void delivered(List<Delivery> deliveries, Instant at) {
                recorded.add(deliveries.size());
                super.delivered(deliveries, at);
            }
        };
        counting.at(now);
        for (int i = 0; i < 40; i++) {
            counting.add(List.of(new OutboxMessage(Channel.EMAIL, "k" + i, "a@example.com", "approved", Map.of(),
                    List.of(), false)));
        }
        RelayOutbox batching = new RelayOutbox(counting, List.of(courier), ports.transactions,
                new RelaySettings(50, Duration.ofMinutes(2), 4, Duration.ofSeconds(10), Duration.ofSeconds(25)), clock);
        List<int[]> seenAtEachDelivery = new ArrayList<>();
        batching.onDelivered(Channel.EMAIL, () -> seenAtEachDelivery.add(new int[] {delivered.size(),
                recorded.stream().mapToInt(Integer::intValue).sum()}));

        assertEquals(40, batching.deliverDue());

        assertEquals(List.of(RelayOutbox.RECORD_EVERY, RelayOutbox.RECORD_EVERY, 40 - 2 * RelayOutbox.RECORD_EVERY),
                recorded, "at most RECORD_EVERY per transaction, the rest at the end of the round");
        assertEquals(40, seenAtEachDelivery.size(), "watchers hear of each delivery");
        for (int k = 1; k <= 40; k++) {
            int[] seen = seenAtEachDelivery.get(k - 1);
            assertTrue(seen[0] >= k, "told of delivery " + k + " after it went out");
            assertEquals((k - 1) / RelayOutbox.RECORD_EVERY * RelayOutbox.RECORD_EVERY, seen[1],
                    "told of delivery " + k + " before its batch is recorded");
        }
        for (long id = 1; id <= 40; id++) {
            assertEquals(OutboxEntry.State.DELIVERED, counting.find(id).orElseThrow().state());
        }
    }
}
