package icp.filing.bootstrap;

import icp.filing.application.usecase.RelayOutbox;
import icp.filing.application.usecase.RelaySettings;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the outbox relay on a thread of its own: a round as soon as a transaction commits new entries (the relay is
 * woken), otherwise every {@code icp.outbox.relay.poll-interval}, which is also when retries come due. Several
 * instances on one database share the work; none delivers an entry another holds.
 */
@Singleton
@Requires(property = "icp.outbox.relay.enabled", notEquals = "false")
final class OutboxRelayJob {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelayJob.class);
    private final RelayOutbox relay;
    private final long pollMillis;
    private final long lingerMillis;
    private final int batch;
    private volatile boolean running;
    private Thread thread;

    OutboxRelayJob(RelayOutbox relay, RelaySettings settings,
                   @Value("${icp.outbox.relay.poll-interval:1s}") Duration poll,
                   @Value("${icp.outbox.relay.linger:10ms}") Duration linger) {
        this.relay = relay;
        this.pollMillis = poll.toMillis();
        this.lingerMillis = Math.max(0, linger.toMillis());
        this.batch = settings.batch();
    }

    @EventListener
    void start(StartupEvent event) {
        running = true;
        thread = new Thread(this::loop, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Lets the round in progress finish (a delivery cut off halfway would be made again, to be dropped by the receiver
     * as a repeat; better not to make it at all), then stops.
     */
    @EventListener
    void stop(ShutdownEvent event) {
        running = false;
        relay.wake();
        if (thread != null) {
            try {
                thread.join(30_000);
                thread.interrupt();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void loop() {
        while (running) {
            try {
                // a full batch means more may be due at once: go again without waiting
                int claimed = relay.deliverDue();
                if (claimed < batch) {
                    if (claimed == 0) {
                        relay.awaitWork(pollMillis);
                    }
                    // a round costs the same few statements for one entry as for fifty: a moment's wait lets the
                    // entries of the next commits travel together (commits wake the relay one by one)
                    linger();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // the database is away, say: the next round tries again
                LOG.warn("outbox relay round failed: {}", e.toString());
                try {
                    Thread.sleep(pollMillis);
                } catch (InterruptedException stopped) {
                    return;
                }
            }
        }
    }

    private void linger() throws InterruptedException {
        if (lingerMillis > 0 && running) {
            Thread.sleep(lingerMillis);
        }
    }

    /** The relay's settings from {@code icp.outbox.relay.*}. */
    @Factory
    static final class Settings {
        @Singleton
        RelaySettings relaySettings(@Value("${icp.outbox.relay.batch:50}") int batch,
                                    @Value("${icp.outbox.relay.lease:2m}") Duration lease,
                                    @Value("${icp.outbox.relay.max-attempts:12}") int maxAttempts,
                                    @Value("${icp.outbox.relay.initial-backoff:10s}") Duration initialBackoff,
                                    @Value("${icp.outbox.relay.max-backoff:1h}") Duration maxBackoff) {
            return new RelaySettings(batch, lease, maxAttempts, initialBackoff, maxBackoff);
        }
    }
}
