package icp.filing.domain.filing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import icp.filing.domain.application.Actor;
import icp.filing.domain.application.ApplicationId;
import icp.filing.domain.application.ProviderId;
import icp.filing.domain.common.Province;
import icp.filing.domain.number.FilingNumber;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecordChainTest {
    private static final FilingNumber SUBJECT = FilingNumber.issue(Province.BEIJING, 2026, 1);
    private static final Instant T0 = Instant.parse("2026-03-02T01:00:00.123456Z");

    private static List<RecordChain.Entry> chain(List<FilingEvent> events) {
        List<RecordChain.Entry> entries = new ArrayList<>();
        String previous = "";
        for (FilingEvent event : events) {
            String hash = RecordChain.hash(previous, event);
            entries.add(new RecordChain.Entry(event, previous, hash));
            previous = hash;
        }
        return entries;
    }

    private static List<FilingEvent> events() {
        return List.of(
                new FilingEvent(FilingEvent.Kind.FILED, SUBJECT, new ProviderId("demo"), ApplicationId.random(), T0),
                new FilingEvent(FilingEvent.Kind.SERVICE_REVOKED, FilingNumber.parse(SUBJECT + "-1"), null, null,
                        T0.plusSeconds(60), new Actor(Actor.Kind.BUREAU_SUPERVISOR, "bj-supervisor"),
                        List.of("SPREADS_RUMOURS"), "散布谣言"),
                new FilingEvent(FilingEvent.Kind.SUBJECT_REVOKED, SUBJECT, null, null, T0.plusSeconds(60),
                        new Actor(Actor.Kind.BUREAU_SUPERVISOR, "bj-supervisor"), List.of("SPREADS_RUMOURS"), null));
    }

    @Test
    void anUntouchedRecordHolds() {
        RecordChain.Verification verification = RecordChain.verify(chain(events()));
        assertTrue(verification.intact());
        assertEquals(3, verification.entries());
    }

    @Test
    void aChangedEntryBreaksTheChainWhereItIs() {
        List<RecordChain.Entry> entries = new ArrayList<>(chain(events()));
        RecordChain.Entry second = entries.get(1);
        FilingEvent e = second.event();
        entries.set(1, new RecordChain.Entry(new FilingEvent(e.kind(), e.number(), e.provider(), e.application(),
                e.at(), e.bureauUser(), e.reasons(), "改过的意见"), second.previousHash(), second.hash()));

        assertEquals(new RecordChain.Verification(false, 3, Optional.of(1)), RecordChain.verify(entries));
    }

    @Test
    void aRemovedOrReorderedEntryBreaksIt() {
        List<RecordChain.Entry> entries = new ArrayList<>(chain(events()));
        entries.remove(1);
        assertFalse(RecordChain.verify(entries).intact());

        List<RecordChain.Entry> swapped = new ArrayList<>(chain(events()));
        swapped.add(0, swapped.remove(2));
        assertEquals(Optional.of(0), RecordChain.verify(swapped).firstBroken());
    }

    @Test
    void aChangesFieldsAreHashedAndReadBackAsStored() {
        FilingEvent change = new FilingEvent(FilingEvent.Kind.SERVICE_CHANGED, FilingNumber.parse(SUBJECT + "-1"),
                new ProviderId("demo"), ApplicationId.random(), T0, null, List.of(), null,
                List.of(new FieldChange("name", "旧名", "新名"), new FieldChange("access.server_location", null, "北京")));
        String stored = RecordChain.changes(change.changes());

        assertEquals(change.changes(), RecordChain.parseChanges(stored));
        FilingEvent renamedElse = new FilingEvent(change.kind(), change.number(), change.provider(),
                change.application(), change.at(), null, List.of(), null,
                List.of(new FieldChange("name", "旧名", "别的名")));
        assertFalse(RecordChain.hash("", change).equals(RecordChain.hash("", renamedElse)));
        FilingEvent plain = new FilingEvent(change.kind(), change.number(), change.provider(), change.application(),
                change.at());
        assertEquals(64, RecordChain.hash("", plain).length(), "an entry without changes hashes as before V13");
    }
}
