package icp.filing.application.usecase;

import icp.filing.application.port.Filings;
import icp.filing.application.port.Outbox;
import icp.filing.application.port.Transactions;
import icp.filing.domain.number.FilingNumber;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Uploads the filings the national register has never been told of: those stored before the ministry tier existed
 * (an upgrade) or moved in from elsewhere. Each gets an upload in the outbox like any changed filing; the relay does
 * the rest. Run at every start; it finds nothing once all are uploaded.
 */
@Singleton
public final class NationalBackfill {
    private static final int BATCH = 500;

    private final Filings filings;
    private final Outbox outbox;
    private final Transactions transactions;
    private final RelayOutbox relay;

    public NationalBackfill(Filings filings, Outbox outbox, Transactions transactions, RelayOutbox relay) {
        this.filings = filings;
        this.outbox = outbox;
        this.transactions = transactions;
        this.relay = relay;
    }

    /** @return how many filings were queued for upload */
    public int run() {
        int queued = 0;
        List<FilingNumber> missing;
        do {
            missing = filings.neverUploaded(BATCH);
            List<FilingNumber> batch = missing;
            if (batch.isEmpty()) {
                break;
            }
            transactions.inTransaction(() -> {
                outbox.add(batch.stream().map(MinistryUploads::changed).toList());
                return null;
            });
            queued += missing.size();
            relay.wake();
        } while (missing.size() == BATCH);
        return queued;
    }
}
