package icp.filing.application.usecase;

import icp.filing.application.port.Courier;
import icp.filing.application.port.Filings;
import icp.filing.application.port.Ministry;
import icp.filing.application.port.NationalFiling;
import icp.filing.application.port.OutboxMessage;
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
        NationalFiling.Uploaded uploaded = ministry.upload(NationalSnapshot.of(filing));
        return List.of(uploaded.outcome() + " v" + uploaded.registeredVersion());
    }

    /** The outbox entry that says a filing changed and goes to the ministry. */
    static OutboxMessage changed(FilingNumber subjectNumber) {
        return new OutboxMessage(OutboxMessage.Channel.MINISTRY_UPLOAD,
                "upload/" + subjectNumber + "/" + java.util.UUID.randomUUID(), subjectNumber.toString(), "filing",
                java.util.Map.of(), List.of(), false);
    }
}
