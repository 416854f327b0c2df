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

    /**
     * Several messages of the channel, in their order: each one's references, or why it was not taken. One by one
     * here; a receiver of ours may take them together (one transaction for all), as long as one message it cannot
     * take does not keep the others out.
     */
    default List<Outcome> deliverAll(List<OutboxMessage> messages) {
        List<Outcome> outcomes = new java.util.ArrayList<>(messages.size());
        for (OutboxMessage message : messages) {
            try {
                outcomes.add(Outcome.delivered(deliver(message)));
            } catch (RuntimeException e) {
                outcomes.add(new Outcome(List.of(), e));
            }
        }
        return outcomes;
    }

    /** A message taken, with the receiver's references, or not, with the failure ({@code failure} then not null). */
    record Outcome(List<String> references, RuntimeException failure) {
        public static Outcome delivered(List<String> references) {
            return new Outcome(List.copyOf(references), null);
        }
    }

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
