package icp.filing.application.port;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Something that leaves the system (an SMS, an e-mail; later a ministry upload and a provider result event), written
 * to the outbox in the transaction of the change that causes it and delivered by the relay afterwards.
 *
 * @param key       the idempotency key: stable across every attempt, so that a receiver can drop a repeat
 * @param recipient where it goes (a phone, an e-mail address): personal data, masked wherever it is shown
 * @param template  which message it is; the courier renders it from the template files of its channel
 * @param fields    the template's values
 * @param items     the template's repeated part (the services approved, the reasons returned)
 * @param secret    whether the values must not outlive the delivery (a verification code): they are erased then
 */
public record OutboxMessage(Channel channel, String key, String recipient, String template, Map<String, String> fields,
                            List<Map<String, String>> items, boolean secret) {
    /** Longest idempotency key; the column and receivers' de-duplication tables are sized for it. */
    public static final int MAX_KEY_LENGTH = 160;

    public OutboxMessage {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(template, "template");
        if (key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("an idempotency key of 1.." + MAX_KEY_LENGTH + " characters: " + key);
        }
        fields = Map.copyOf(fields);
        items = items.stream().map(m -> Map.copyOf(new LinkedHashMap<>(m))).toList();
    }

    /** The ways out. */
    public enum Channel {
        SMS,
        EMAIL,
        /** An event for a provider's result stream (recipient: the provider's id), appended to its result log. */
        PROVIDER_RESULT,
        /** A filing that changed (recipient: its subject number), uploaded to the ministry's national register. */
        MINISTRY_UPLOAD;

        /**
         * Whether the receiver reports back on a delivery: only an SMS centre does (delivery receipts by message id);
         * the other channels' references are kept with the attempt alone.
         */
        public boolean reportsReceipts() {
            return this == SMS;
        }
    }
}
