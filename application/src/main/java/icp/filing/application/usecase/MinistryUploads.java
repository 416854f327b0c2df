package icp.filing.application.usecase;

import icp.filing.application.port.Courier;
import icp.filing.application.port.Filings;
import icp.filing.application.port.Ministry;
import icp.filing.application.port.NationalFiling;
import icp.filing.application.port.OutboxMessage;
import icp.filing.domain.filing.Filing;
import icp.filing.domain.number.FilingNumber;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * The courier of the MINISTRY_UPLOAD channel: an entry names a filing that changed; its delivery uploads the filing as
 * it is now (so an entry delivered late uploads the newest version, and the register ignores an older one).
 */
@Singleton
public final class MinistryUploads implements Courier {
    private final Filings filings;
    private final Ministry ministry;

    public MinistryUploads(Filings filings, Ministry ministry) {
        this.filings = filings;
        this.ministry = ministry;
    }

    @Override
    public OutboxMessage.Channel channel() {
        return OutboxMessage.Channel.MINISTRY_UPLOAD;
    }

    @Override
    public List<String> deliver(OutboxMessage message) {
        FilingNumber number = FilingNumber.parse(message.recipient());
        var filing = filings.find(number).orElseThrow(() -> new DeliveryFailedException(
                "filing " + number + " is not stored here", true, null));
        return upload(filing);
    }

    /**
     * A round's uploads: the filings read together (one query per table for all, instead of eight reads and a
     * transaction each), then uploaded in one call. Should the read fail, each on its own.
     */
    @Override
    public List<Outcome> deliverAll(List<OutboxMessage> messages) {
        java.util.Map<FilingNumber, Filing> found;
        List<FilingNumber> numbers = new java.util.ArrayList<>();
        try {
            messages.forEach(m -> numbers.add(FilingNumber.parse(m.recipient()).subjectNumber()));
            found = filings.findAll(numbers);
        } catch (RuntimeException e) {
            return Courier.super.deliverAll(messages);
        }
        List<NationalFiling> stored = numbers.stream().map(found::get).filter(java.util.Objects::nonNull)
                .map(NationalSnapshot::of).toList();
        java.util.Iterator<NationalFiling.Applied> uploaded;
        try {
            uploaded = stored.isEmpty() ? java.util.Collections.emptyIterator() : ministry.uploadAll(stored).iterator();
        } catch (RuntimeException e) {
            return Courier.super.deliverAll(messages);
        }
        List<Outcome> outcomes = new java.util.ArrayList<>(messages.size());
        for (FilingNumber number : numbers) {
            if (!found.containsKey(number)) {
                outcomes.add(new Outcome(List.of(), new DeliveryFailedException(
                        "filing " + number + " is not stored here", true, null)));
                continue;
            }
            NationalFiling.Applied applied = uploaded.next();
            outcomes.add(applied.refused() == null ? Outcome.delivered(references(applied.uploaded()))
                    : new Outcome(List.of(), applied.refused()));
        }
        return outcomes;
    }

    private List<String> upload(Filing filing) {
        return references(ministry.upload(NationalSnapshot.of(filing)));
    }

    private static List<String> references(NationalFiling.Uploaded uploaded) {
        return List.of(uploaded.outcome() + " v" + uploaded.registeredVersion());
    }

    /** The outbox entry that says a filing changed and goes to the ministry. */
    static OutboxMessage changed(FilingNumber subjectNumber) {
        return new OutboxMessage(OutboxMessage.Channel.MINISTRY_UPLOAD,
                "upload/" + subjectNumber + "/" + java.util.UUID.randomUUID(), subjectNumber.toString(), "filing",
                java.util.Map.of(), List.of(), false);
    }
}
