package icp.filing.adapters.notification;

import icp.filing.application.port.Courier.DeliveryFailedException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;

/**
 * E-mail over SMTP with Jakarta Mail: host, port, TLS ({@code none}, {@code starttls} — required, not opportunistic —
 * or {@code smtps}), credentials and sender from {@code icp.mail.*}. The outbox entry's idempotency key is the
 * Message-ID (and an {@code X-Idempotency-Key} header), so a message sent twice after a crash is one message to
 * whoever de-duplicates on it.
 */
@Singleton
@Requires(property = "icp.mail.host")
public class SmtpMailer implements Mailer {
    private final Session session;
    private final InternetAddress from;
    private final String domain;

    SmtpMailer(@Value("${icp.mail.host}") String host,
               @Value("${icp.mail.port:25}") int port,
               @Value("${icp.mail.tls:starttls}") String tls,
               @Value("${icp.mail.username:}") String username,
               @Value("${icp.mail.password:}") String password,
               @Value("${icp.mail.from}") String from,
               @Value("${icp.mail.from-name:ICP备案系统}") String fromName,
               @Value("${icp.mail.timeout:10s}") Duration timeout) {
        Properties properties = new Properties();
        String protocol = tls.equals("smtps") ? "smtps" : "smtp";
        properties.put("mail.transport.protocol", protocol);
        properties.put("mail." + protocol + ".host", host);
        properties.put("mail." + protocol + ".port", String.valueOf(port));
        String millis = String.valueOf(timeout.toMillis());
        properties.put("mail." + protocol + ".connectiontimeout", millis);
        properties.put("mail." + protocol + ".timeout", millis);
        properties.put("mail." + protocol + ".writetimeout", millis);
        switch (tls) {
            case "starttls" -> {
                properties.put("mail.smtp.starttls.enable", "true");
                properties.put("mail.smtp.starttls.required", "true");
                properties.put("mail.smtp.ssl.checkserveridentity", "true");
            }
            case "smtps" -> properties.put("mail.smtps.ssl.checkserveridentity", "true");
            case "none" -> { }
            default -> throw new IllegalArgumentException("icp.mail.tls is none, starttls or smtps, not " + tls);
        }
        Authenticator authenticator = null;
        if (!username.isEmpty()) {
            properties.put("mail." + protocol + ".auth", "true");
            authenticator = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(username, password);
                }
            };
        }
        this.session = Session.getInstance(properties, authenticator);
        try {
            this.from = new InternetAddress(from, fromName, StandardCharsets.UTF_8.name());
            this.from.validate();
        } catch (UnsupportedEncodingException | AddressException e) {
            throw new IllegalArgumentException("icp.mail.from is not an e-mail address", e);
        }
        this.domain = from.substring(from.indexOf('@') + 1);
    }

    @Override
    public String send(Email email) {
        String messageId = messageId(email.key(), domain);
        try {
            MimeMessage message = new MimeMessage(session) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", messageId);
                }
            };
            message.setFrom(from);
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(email.to(), true));
            message.setSubject(email.subject(), StandardCharsets.UTF_8.name());
            message.setHeader("X-Idempotency-Key", email.key());
            MimeBodyPart text = new MimeBodyPart();
            text.setText(email.text(), StandardCharsets.UTF_8.name(), "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(email.html(), StandardCharsets.UTF_8.name(), "html");
            MimeMultipart alternative = new MimeMultipart("alternative", text, html);
            message.setContent(alternative);
            Transport.send(message);
            return messageId;
        } catch (AddressException e) {
            throw new DeliveryFailedException("invalid recipient address", true, e);
        } catch (SendFailedException e) {
            // the server refused the recipient for good (5xx) when it names it invalid; anything else may pass later
            boolean refused = e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0;
            throw new DeliveryFailedException("SMTP refused: " + withoutAddresses(e), refused, e);
        } catch (MessagingException e) {
            throw new DeliveryFailedException("SMTP failed: " + withoutAddresses(e), false, e);
        }
    }

    /**
     * What went wrong, for the outbox's record and the administrators' view: the server's reply codes and the network
     * error, never the server's text (a refusal quotes the recipient's address, which is personal data).
     */
    static String withoutAddresses(MessagingException e) {
        StringBuilder why = new StringBuilder(e.getClass().getSimpleName());
        // Jakarta Mail chains the server's replies and the network error as causes
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            why.append(" <- ").append(t.getClass().getSimpleName());
            if (t instanceof org.eclipse.angus.mail.smtp.SMTPAddressFailedException failed) {
                why.append(" ").append(failed.getReturnCode());
            } else if (t instanceof org.eclipse.angus.mail.smtp.SMTPSendFailedException failed) {
                why.append(" ").append(failed.getReturnCode());
            } else if (t instanceof java.io.IOException && t.getMessage() != null && !t.getMessage().contains("@")) {
                why.append(": ").append(t.getMessage());
            }
        }
        return why.toString();
    }

    /** The Message-ID of an outbox entry: its key (ASCII, no personal data) at the sender's domain. */
    static String messageId(String key, String domain) {
        return "<" + key.replaceAll("[^A-Za-z0-9._/-]", "_") + "@" + domain + ">";
    }
}
