package icp.filing.domain.application;

import icp.filing.domain.filing.RecordChain;
import java.util.List;
import java.util.Optional;

/**
 * An application's history, chained as a filing's record is ({@link RecordChain}): each transition carries the
 * SHA-256 of the one before and its own, over {@code previous|from|to|actorKind|actorId|reasons|comment|at}.
 */
public final class HistoryChain {
    private HistoryChain() {
    }

    /** A transition as stored, with its chain hashes. */
    public record Entry(Transition transition, String previousHash, String hash) {
    }

    public static String hash(String previous, Transition t) {
        return RecordChain.sha256(String.join("|", previous == null ? "" : previous,
                t.from() == null ? "" : t.from().name(), t.to().name(), t.actor().kind().name(), t.actor().id(),
                String.join(",", t.reasons().stream().map(Enum::name).toList()),
                t.comment() == null ? "" : t.comment(), RecordChain.time(t.at())));
    }

    public static RecordChain.Verification verify(List<Entry> entries) {
        String previous = "";
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            if (!previous.equals(entry.previousHash()) || !hash(previous, entry.transition()).equals(entry.hash())) {
                return new RecordChain.Verification(false, entries.size(), Optional.of(i));
            }
            previous = entry.hash();
        }
        return new RecordChain.Verification(true, entries.size(), Optional.empty());
    }
}
