package icp.filing.adapters.notification;

import icp.filing.application.port.Courier;
import icp.filing.application.port.OutboxMessage;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * E-mail from the outbox: subject, plain text and HTML rendered from {@code templates/email/<template>.subject.txt},
 * {@code .txt} and {@code .html}, sent by the mailer.
 */
@Singleton
final class EmailCourier implements Courier {
    private final Templates templates;
    private final Mailer mailer;

    EmailCourier(Templates templates, Mailer mailer) {
        this.templates = templates;
        this.mailer = mailer;
    }

    @Override
    public OutboxMessage.Channel channel() {
        return OutboxMessage.Channel.EMAIL;
    }

    @Override
    public List<String> deliver(OutboxMessage message) {
        String base = "email/" + message.template();
        String subject = templates.render(base + ".subject.txt", message.fields(), message.items()).strip();
        String text = templates.render(base + ".txt", message.fields(), message.items());
        String html = templates.render(base + ".html", message.fields(), message.items());
        return List.of(mailer.send(new Mailer.Email(message.recipient(), subject, text, html, message.key())));
    }
}
