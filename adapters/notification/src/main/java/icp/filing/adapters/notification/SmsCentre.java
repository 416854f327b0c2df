package icp.filing.adapters.notification;

import java.util.List;

/** Where the SMS courier hands its texts: an SMS centre over SMPP, or the log sink of the embedded default. */
public interface SmsCentre {
    /**
     * Sends one text, split as the centre needs it.
     *
     * @param key the outbox entry's idempotency key, carried to the centre with every part
     * @return the centre's message ids, one per part
     */
    List<String> send(String phone, String text, String key);
}
