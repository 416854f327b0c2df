package icp.filing.application.port;

import java.util.List;

/** Delivers outbox messages of one channel (SMTP for e-mail, an SMS centre for SMS). Called outside transactions. */
public interface Courier {
    OutboxMessage.Channel channel();

    /**
     * Delivers the message, carrying its idempotency key to the receiver.
     *
     * @return the receiver's references for it (message ids), to match receipts to
     * @throws DeliveryFailedException when the receiver did not take it
     */
    List<String> deliver(OutboxMessage message);

    /** The receiver did not take the message; {@code permanent} when another attempt cannot succeed. */
    final class DeliveryFailedException extends RuntimeException {
        private final boolean permanent;

        public DeliveryFailedException(String message, boolean permanent, Throwable cause) {
            super(message, cause);
            this.permanent = permanent;
        }

        public boolean permanent() {
            return permanent;
        }
    }
}
