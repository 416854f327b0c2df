package icp.filing.domain.filing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The record of a filing, chained: each entry carries the SHA-256 of the previous entry of the same filing and its own,
 * over a canonical text of what it says. Changing, removing or reordering an entry anywhere breaks every hash after
 * it, which {@link #verify} finds.
 *
 * <p>The canonical text is {@code previous|kind|number|provider|application|actorKind|actorId|reasons|comment|at}, an
 * absent value empty, {@code at} in UTC to the microsecond ({@code 2026-03-02T01:00:00.000000Z}). Every field but the
 * comment is free of {@code |} and the time closes the text, so it reads back one way only. Migration V11 computes
 * the same text in SQL for the entries written before.
 */
public final class RecordChain {
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private RecordChain() {
    }

    /** An entry as stored: the event, the hash it says precedes it, and its own. */
    public record Entry(FilingEvent event, String previousHash, String hash) {
    }

    /** Whether the chain holds; if not, the position of the first entry that does not. */
    public record Verification(boolean intact, int entries, Optional<Integer> firstBroken) {
    }

    public static String hash(String previous, FilingEvent e) {
        String text = String.join("|", previous == null ? "" : previous, e.kind().name(), e.number().toString(),
                e.provider() == null ? "" : e.provider().value(),
                e.application() == null ? "" : e.application().value(),
                e.bureauUser() == null ? "" : e.bureauUser().kind().name(),
                e.bureauUser() == null ? "" : e.bureauUser().id(), String.join(",", e.reasons()),
                e.comment() == null ? "" : e.comment(), AT.format(e.at()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e1) {
            throw new IllegalStateException(e1);
        }
    }

    /** Recomputes the chain from the first entry, which follows nothing. */
    public static Verification verify(List<Entry> entries) {
        String previous = "";
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            if (!previous.equals(entry.previousHash()) || !hash(previous, entry.event()).equals(entry.hash())) {
                return new Verification(false, entries.size(), Optional.of(i));
            }
            previous = entry.hash();
        }
        return new Verification(true, entries.size(), Optional.empty());
    }
}
