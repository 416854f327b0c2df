package icp.filing.adapters.notification;

import icp.filing.domain.identity.EmailAddress;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The e-mail sink while no mail server is configured (the embedded default): one log line per message (logger
 * {@code icp.mail}) with the masked address, the subject and the plain text.
 */
@Singleton
@Requires(missingProperty = "icp.mail.host")
public class LogMailer implements Mailer {
    private static final Logger MAIL = LoggerFactory.getLogger("icp.mail");

    @Override
    public String send(Email email) {
        MAIL.info("E-mail to {}: {}\n{}", EmailAddress.masked(email.to()), email.subject(), email.text());
        return SmtpMailer.messageId(email.key(), "localhost");
    }
}
