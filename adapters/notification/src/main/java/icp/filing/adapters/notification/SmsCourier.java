package icp.filing.adapters.notification;

import icp.filing.application.port.Courier;
import icp.filing.application.port.OutboxMessage;
import jakarta.inject.Singleton;
import java.util.List;

/** SMS from the outbox: the text rendered from {@code templates/sms/<template>.txt}, sent by the SMS centre. */
@Singleton
final class SmsCourier implements Courier {
    private final Templates templates;
    private final SmsCentre centre;

    SmsCourier(Templates templates, SmsCentre centre) {
        this.templates = templates;
        this.centre = centre;
    }

    @Override
    public OutboxMessage.Channel channel() {
        return OutboxMessage.Channel.SMS;
    }

    @Override
    public List<String> deliver(OutboxMessage message) {
        String text = templates.render("sms/" + message.template() + ".txt", message.fields(), message.items()).strip();
        return centre.send(message.recipient(), text, message.key());
    }
}
