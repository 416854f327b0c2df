package icp.filing.application.usecase;

import icp.filing.application.port.Courier;
import icp.filing.application.port.Outbox;
import icp.filing.application.port.OutboxEntry;
import icp.filing.application.port.OutboxMessage.Channel;
import icp.filing.application.port.Transactions;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The outbox relay: claims due entries (a short transaction of the outbox's own), delivers each outside any transaction, and
 * records the outcomes. A crash between delivery and record leaves the entry claimed until its lease ends; it is then
 * delivered again under the same idempotency key, which the receivers of ours drop as a repeat.
 *
 * <p>Deliveries are recorded a few at a time ({@link #RECORD_EVERY} per channel, or fewer at the end of a round), in
 * one transaction with one batch per table: recording each in a transaction of its own cost more statements than
 * the approval that made it. The price is the crash window: a relay killed after delivering and before recording
 * re-sends up to that many entries per channel instead of one.
 */
@Singleton
public final class RelayOutbox {
    /** Errors are kept to this length: a receiver's answer is not ours to store whole. */
    private static final int MAX_ERROR = 500;
    /** Deliveries of one channel recorded together at most: what a crash between the two may make us send again. */
    public static final int RECORD_EVERY = 16;

    private final Outbox outbox;
    private final Map<Channel, Courier> couriers = new EnumMap<>(Channel.class);
    private final Transactions transactions;
    private final RelaySettings settings;
    private final Clock clock;
    private final Semaphore work = new Semaphore(0);
    private final ExecutorService channels = Executors.newFixedThreadPool(Channel.values().length, runnable -> {
        Thread thread = new Thread(runnable, "outbox-channel");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<Channel, List<Runnable>> onDelivered = new java.util.concurrent.ConcurrentHashMap<>();

    public RelayOutbox(Outbox outbox, List<Courier> couriers, Transactions transactions, RelaySettings settings,
                       Clock clock) {
        this.outbox = outbox;
        couriers.forEach(c -> this.couriers.put(c.channel(), c));
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Delivers the entries due now, one claim of at most a batch.
     *
     * @return how many entries were claimed (0: nothing was due)
     */
    public int deliverDue() {
        Instant now = clock.instant();
        String token = UUID.randomUUID().toString();
        List<OutboxEntry> claimed = outbox.claim(token, settings.batch(), now, now.plus(settings.lease()));
        Map<Channel, List<OutboxEntry>> byChannel = new EnumMap<>(Channel.class);
        claimed.forEach(e -> byChannel.computeIfAbsent(e.message().channel(), c -> new ArrayList<>()).add(e));
        if (byChannel.size() <= 1) {
            byChannel.values().forEach(this::deliverInOrder);
            return claimed.size();
        }
        // each channel in order, the channels side by side: a slow mail server does not hold up the ministry upload
        List<Future<?>> running = new ArrayList<>();
        byChannel.values().forEach(entries -> running.add(channels.submit(() -> deliverInOrder(entries))));
        for (Future<?> channel : running) {
            try {
                channel.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("relay interrupted", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }
        return claimed.size();
    }

    /**
     * One channel's entries, in order, {@link #RECORD_EVERY} at a time: handed to the courier together (a receiver of
     * ours takes them in one transaction), their deliveries recorded together.
     */
    private void deliverInOrder(List<OutboxEntry> entries) {
        for (int from = 0; from < entries.size(); from += RECORD_EVERY) {
            List<OutboxEntry> chunk = entries.subList(from, Math.min(entries.size(), from + RECORD_EVERY));
            List<Courier.Outcome> outcomes = deliver(chunk);
            List<Outbox.Delivery> delivered = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                OutboxEntry entry = chunk.get(i);
                Courier.Outcome outcome = outcomes.get(i);
                if (outcome.failure() != null) {
                    failed(entry, outcome.failure());
                    continue;
                }
                // the receiver has it: whoever waits for the channel is told now, not once the outcome is written
                onDelivered.getOrDefault(entry.message().channel(), List.of()).forEach(Runnable::run);
                delivered.add(new Outbox.Delivery(entry, outcome.references()));
            }
            record(delivered);
        }
    }

    private List<Courier.Outcome> deliver(List<OutboxEntry> entries) {
        Channel channel = entries.get(0).message().channel();
        Courier courier = couriers.get(channel);
        if (courier == null) {
            RuntimeException none = new Courier.DeliveryFailedException("no courier for " + channel, false, null);
            return entries.stream().map(e -> new Courier.Outcome(List.of(), none)).toList();
        }
        List<Courier.Outcome> outcomes = courier.deliverAll(entries.stream().map(OutboxEntry::message).toList());
        if (outcomes.size() != entries.size()) {
            throw new IllegalStateException(channel + " courier answered " + outcomes.size() + " outcomes for "
                    + entries.size() + " messages");
        }
        return outcomes;
    }

    /** A failure to record deliveries is not a failed delivery: the claims lapse and the receivers drop the repeats. */
    private void record(List<Outbox.Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return;
        }
        transactions.inTransaction(() -> {
            outbox.delivered(deliveries, clock.instant());
            return null;
        });
    }

    /** Runs the action (on the relay's thread: it must be quick) after each delivery on the channel. */
    public void onDelivered(Channel channel, Runnable action) {
        onDelivered.computeIfAbsent(channel, c -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(action);
    }

    private void failed(OutboxEntry entry, RuntimeException e) {
        int failures = entry.attempts() + 1;
        boolean last = failures >= settings.maxAttempts()
                || e instanceof Courier.DeliveryFailedException d && d.permanent();
        Instant at = clock.instant();
        transactions.inTransaction(() -> {
            outbox.attemptFailed(entry, at, describe(e),
                    last ? Optional.empty() : Optional.of(at.plus(settings.backoffAfter(failures))));
            return null;
        });
    }

    /** New entries were committed: the relay's next round starts now rather than at its next tick. */
    public void wake() {
        if (work.availablePermits() == 0) {
            work.release();
        }
    }

    /**
     * Waits until {@link #wake} or the time is up, whichever comes first.
     *
     * @return whether it was woken
     */
    public boolean awaitWork(long millis) throws InterruptedException {
        boolean woken = work.tryAcquire(millis, TimeUnit.MILLISECONDS);
        work.drainPermits();
        return woken;
    }

    private static String describe(RuntimeException e) {
        String text = e.getClass().getSimpleName() + ": " + e.getMessage();
        return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR);
    }
}
