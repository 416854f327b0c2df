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
 * the same text in SQL for the entries written before. A change of subject or service appends {@code |} and its
 * {@link #changes(List) field changes}.
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
                e.comment() == null ? "" : e.comment(), time(e.at()))
                + (e.changes().isEmpty() ? "" : "|" + changes(e.changes()));
        return sha256(text);
    }

    /** The SHA-256 of a text's UTF-8 bytes, in lower-case hex (as MariaDB's SHA2(…, 256) gives it). */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A time as the chains write it: UTC to the microsecond. */
    public static String time(java.time.Instant at) {
        return AT.format(at);
    }

    /**
     * A change's fields as stored and hashed: one line per field, field, before and after separated by tabs (texts
     * never carry a tab or a line break: input refuses control characters), an absent value as "~".
     */
    public static String changes(List<FieldChange> changes) {
        StringBuilder text = new StringBuilder();
        for (FieldChange c : changes) {
            text.append(c.field()).append('\t').append(c.before() == null ? "~" : c.before()).append('\t')
                    .append(c.after() == null ? "~" : c.after()).append('\n');
        }
        return text.toString();
    }

    /** Reads {@link #changes(List)} back. */
    public static List<FieldChange> parseChanges(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        return text.lines().map(line -> line.split("\t", -1)).map(p -> new FieldChange(p[0],
                "~".equals(p[1]) ? null : p[1], "~".equals(p[2]) ? null : p[2])).toList();
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
