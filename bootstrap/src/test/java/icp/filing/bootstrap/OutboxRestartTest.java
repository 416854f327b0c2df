package icp.filing.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import icp.filing.application.port.Outbox;
import icp.filing.application.port.OutboxMessage;
import icp.filing.application.port.Transactions;
import io.micronaut.context.ApplicationContext;
import jakarta.mail.MessagingException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The system stopped with entries still in its outbox — some waiting, some claimed by a relay that died before it
 * could deliver them (kill -9) — and started again: every entry arrives, none twice, asserted by idempotency key at
 * a real mail server.
 */
class OutboxRestartTest {
    private static final int WAITING = 200;
    private static final int CLAIMED_BY_THE_DEAD = 20;

    @Test
    void entriesLeftAtAStopAreDeliveredAfterTheStartEachOnce() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            Map<String, Object> properties = new HashMap<>(Map.of(
                    "datasources.default.url", "jdbc:mariadb://embedded/icp_outbox_restart",
                    "icp.mail.host", "127.0.0.1", "icp.mail.port", port, "icp.mail.tls", "none",
                    "icp.mail.from", "beian@icp.example.cn", "icp.outbox.relay.batch", "5",
                    "icp.outbox.relay.poll-interval", "100ms", "icp.outbox.relay.lease", "2s"));
            properties.put("icp.outbox.relay.enabled", "true");
            try (ApplicationContext running = ApplicationContext.run(properties, "test")) {
                add(running, "waiting/", WAITING);
                // stopped at once: the relay finishes the round it is in and no more
            }
            properties.put("icp.outbox.relay.enabled", "false");
            long pendingAtStop;
            try (ApplicationContext dying = ApplicationContext.run(properties, "test")) {
                pendingAtStop = dying.getBean(Outbox.class).counts().get(OutboxMessage.Channel.EMAIL).pending();
                add(dying, "claimed/", CLAIMED_BY_THE_DEAD);
                Outbox outbox = dying.getBean(Outbox.class);
                Instant now = Instant.now();
                // a relay claims entries and dies before delivering them: they stay claimed until the lease ends
                dying.getBean(Transactions.class).inTransaction(() -> outbox.claim("00000000-dead-dead-dead-000000000000",
                        1000, now.plusSeconds(1), now.plusSeconds(2)));
            }
            assertTrue(pendingAtStop > 0, "the stop left entries waiting (" + pendingAtStop + ")");

            properties.put("icp.outbox.relay.enabled", "true");
            try (ApplicationContext restarted = ApplicationContext.run(properties, "test")) {
                Outbox outbox = restarted.getBean(Outbox.class);
                NotificationApiTest.await("every entry delivered after the restart",
                        () -> outbox.counts().get(OutboxMessage.Channel.EMAIL).delivered() == WAITING
                                + CLAIMED_BY_THE_DEAD);
                Thread.sleep(500);
            }
            Map<String, Integer> byKey = new HashMap<>();
            for (var message : smtp.getReceivedMessages()) {
                byKey.merge(key(message), 1, Integer::sum);
            }
            assertEquals(WAITING + CLAIMED_BY_THE_DEAD, byKey.size(), "every entry arrived");
            byKey.forEach((key, count) -> assertEquals(1, count, key + " arrived " + count + " times"));
            System.out.printf("pending at the stop: %d of %d%n", pendingAtStop, WAITING);
        } finally {
            smtp.stop();
        }
    }

    private static void add(ApplicationContext context, String prefix, int count) {
        List<OutboxMessage> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            messages.add(new OutboxMessage(OutboxMessage.Channel.EMAIL, prefix + i + "/" + System.nanoTime(),
                    "restart@example.cn", "sms-expired", Map.of("name", "张三"), List.of(), false));
        }
        Outbox outbox = context.getBean(Outbox.class);
        context.getBean(Transactions.class).inTransaction(() -> {
            outbox.add(messages);
            return null;
        });
    }

    private static String key(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getHeader("X-Idempotency-Key")[0];
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
