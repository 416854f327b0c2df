package icp.filing.application;

import icp.filing.application.port.Outbox;
import icp.filing.application.port.OutboxEntry;
import icp.filing.application.port.OutboxMessage;
import icp.filing.application.port.Page;
import icp.filing.application.port.PageRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The outbox port in memory, as the table behaves for one relay: keys unique, claims by token, attempts kept. */
class InMemoryOutbox implements Outbox {
    final Map<Long, OutboxEntry> entries = new LinkedHashMap<>();
    final Map<Long, List<Attempt>> attempts = new LinkedHashMap<>();
    final Map<String, String> receipts = new LinkedHashMap<>();
    private final List<String[]> codes;
    private long nextId = 1;
    private Instant now = Instant.EPOCH;

    /** @param codes where the verification codes added go as well, as (phone, code) */
    InMemoryOutbox(List<String[]> codes) {
        this.codes = codes;
    }

    /** The time new entries are stamped with. */
    void at(Instant instant) {
        now = instant;
    }

    @Override
    public synchronized void add(List<OutboxMessage> messages) {
        for (OutboxMessage m : messages) {
            if (entries.values().stream().anyMatch(e -> e.message().key().equals(m.key()))) {
                throw new IllegalStateException("duplicate key " + m.key());
            }
            long id = nextId++;
            entries.put(id, new OutboxEntry(id, m, OutboxEntry.State.PENDING, 0, now, now, null, null, null));
            if (m.template().equals("verification-code")) {
                codes.add(new String[] {m.recipient(), m.fields().get("code")});
            }
        }
    }

    @Override
    public synchronized List<OutboxEntry> claim(String token, int max, Instant at, Instant leaseUntil) {
        List<OutboxEntry> claimed = new ArrayList<>();
        for (OutboxEntry e : entries.values()) {
            if (claimed.size() < max && e.state() == OutboxEntry.State.PENDING && !e.nextAttemptAt().isAfter(at)) {
                claimed.add(with(e, e.state(), e.attempts(), leaseUntil, null, e.lastError(), token));
            }
        }
        claimed.forEach(e -> entries.put(e.id(), e));
        return claimed;
    }

    @Override
    public synchronized void delivered(List<Delivery> deliveries, Instant at) {
        for (Delivery delivery : deliveries) {
            OutboxEntry e = entries.get(delivery.claimed().id());
            if (!delivery.claimed().claim().equals(e.claim())) {
                continue;
            }
            attempts.computeIfAbsent(e.id(), id -> new ArrayList<>())
                    .add(new Attempt(e.attempts() + 1, at, e.claim(), true, null, delivery.references()));
            entries.put(e.id(), with(e, OutboxEntry.State.DELIVERED, e.attempts() + 1, e.nextAttemptAt(), at, null,
                    null));
        }
    }

    @Override
    public synchronized void attemptFailed(OutboxEntry claimed, Instant at, String error, Optional<Instant> retryAt) {
        OutboxEntry e = entries.get(claimed.id());
        if (!claimed.claim().equals(e.claim())) {
            return;
        }
        attempts.computeIfAbsent(e.id(), id -> new ArrayList<>())
                .add(new Attempt(e.attempts() + 1, at, e.claim(), false, error, List.of()));
        entries.put(e.id(), with(e, retryAt.isPresent() ? OutboxEntry.State.PENDING : OutboxEntry.State.FAILED,
                e.attempts() + 1, retryAt.orElse(e.nextAttemptAt()), null, error, null));
    }

    @Override
    public synchronized void receipt(String reference, String state, Instant at) {
        receipts.put(reference, state);
    }

    @Override
    public synchronized Map<OutboxMessage.Channel, Counts> backlog() {
        Map<OutboxMessage.Channel, Counts> backlog = new EnumMap<>(OutboxMessage.Channel.class);
        counts().forEach((channel, c) -> backlog.put(channel, new Counts(c.pending(), c.failed(), 0,
                c.oldestPending())));
        return backlog;
    }

    @Override
    public synchronized Map<OutboxMessage.Channel, Counts> counts() {
        Map<OutboxMessage.Channel, Counts> counts = new EnumMap<>(OutboxMessage.Channel.class);
        for (OutboxMessage.Channel channel : OutboxMessage.Channel.values()) {
            List<OutboxEntry> of = entries.values().stream().filter(e -> e.message().channel() == channel).toList();
            counts.put(channel, new Counts(count(of, OutboxEntry.State.PENDING), count(of, OutboxEntry.State.FAILED),
                    count(of, OutboxEntry.State.DELIVERED), of.stream().filter(e -> e.state()
                            == OutboxEntry.State.PENDING).map(OutboxEntry::createdAt).min(Instant::compareTo)));
        }
        return counts;
    }

    @Override
    public synchronized Page<OutboxEntry> list(OutboxEntry.State state, PageRequest page) {
        List<OutboxEntry> of = entries.values().stream().filter(e -> e.state() == state).toList();
        return new Page<>(of.stream().skip(page.offset()).limit(page.size()).toList(), page.page(), page.size(),
                of.size());
    }

    @Override
    public synchronized Optional<OutboxEntry> find(long id) {
        return Optional.ofNullable(entries.get(id));
    }

    @Override
    public synchronized List<Attempt> attempts(long id) {
        return List.copyOf(attempts.getOrDefault(id, List.of()));
    }

    @Override
    public synchronized List<Receipt> receipts(long id) {
        return attempts(id).stream().flatMap(a -> a.references().stream()).map(r -> new Receipt(r,
                Optional.ofNullable(receipts.get(r)), Optional.empty())).toList();
    }

    @Override
    public synchronized boolean retry(long id, Instant at) {
        OutboxEntry e = entries.get(id);
        if (e == null || e.state() != OutboxEntry.State.FAILED) {
            return false;
        }
        entries.put(id, with(e, OutboxEntry.State.PENDING, 0, at, null, e.lastError(), null));
        return true;
    }

    /** The messages added so far on one channel. */
    synchronized List<OutboxMessage> messages(OutboxMessage.Channel channel) {
        return entries.values().stream().map(OutboxEntry::message).filter(m -> m.channel() == channel).toList();
    }

    private static long count(List<OutboxEntry> entries, OutboxEntry.State state) {
        return entries.stream().filter(e -> e.state() == state).count();
    }

    private static OutboxEntry with(OutboxEntry e, OutboxEntry.State state, int attempts, Instant next,
                                    Instant deliveredAt, String error, String claim) {
        return new OutboxEntry(e.id(), e.message(), state, attempts, e.createdAt(), next, deliveredAt, error, claim);
    }
}
