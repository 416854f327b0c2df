package icp.filing.adapters.notification;

/** Where the e-mail courier hands its messages: an SMTP server, or the log sink of the embedded default. */
public interface Mailer {
    /** @return the message's Message-ID */
    String send(Email email);

    /** One e-mail with its plain-text and HTML parts; {@code key} is the outbox entry's idempotency key. */
    record Email(String to, String subject, String text, String html, String key) {
    }
}
