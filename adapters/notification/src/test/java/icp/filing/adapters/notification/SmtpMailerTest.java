package icp.filing.adapters.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import icp.filing.application.port.Courier.DeliveryFailedException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Against a real SMTP server in the test (GreenMail). */
class SmtpMailerTest {
    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private SmtpMailer mailer(int port) {
        return new SmtpMailer("127.0.0.1", port, "none", "", "", "beian@example.cn", "ICP备案系统",
                Duration.ofSeconds(5));
    }

    @Test
    void sendsChinesePlainAndHtmlPartsUnderTheKeyAsMessageId() throws Exception {
        String id = mailer(SMTP.getSmtp().getPort()).send(new Mailer.Email("zhang@example.com",
                "【ICP备案】备案审核通过：京ICP备2026000001号", "主体备案号：京ICP备2026000001号",
                "<p>主体备案号：<strong>京ICP备2026000001号</strong></p>", "approved/a-1/email/0"));

        MimeMessage[] received = SMTP.getReceivedMessages();
        assertEquals(1, received.length);
        MimeMessage message = received[0];
        assertEquals("【ICP备案】备案审核通过：京ICP备2026000001号", message.getSubject());
        assertEquals("<approved/a-1/email/0@example.cn>", message.getMessageID());
        assertEquals(id, message.getMessageID());
        assertEquals("approved/a-1/email/0", message.getHeader("X-Idempotency-Key")[0]);
        MimeMultipart parts = (MimeMultipart) message.getContent();
        assertEquals(2, parts.getCount());
        assertTrue(parts.getBodyPart(0).isMimeType("text/plain"));
        assertEquals("主体备案号：京ICP备2026000001号", parts.getBodyPart(0).getContent());
        assertTrue(parts.getBodyPart(1).isMimeType("text/html"));
    }

    @Test
    void aServerThatIsNotThereIsATransientFailure() throws Exception {
        int closedPort;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            closedPort = free.getLocalPort();
        }
        DeliveryFailedException e = assertThrows(DeliveryFailedException.class, () -> mailer(closedPort)
                .send(new Mailer.Email("zhang@example.com", "s", "t", "<p>t</p>", "k")));
        assertEquals(false, e.permanent(), "the next attempt may find it up");
        assertTrue(e.getMessage().contains("ConnectException"), e.getMessage());
    }

    @Test
    void aMalformedAddressIsAPermanentFailure() {
        DeliveryFailedException e = assertThrows(DeliveryFailedException.class, () -> mailer(SMTP.getSmtp()
                .getPort()).send(new Mailer.Email("not an address", "s", "t", "<p>t</p>", "k")));
        assertTrue(e.permanent());
    }

    @Test
    void aServersRefusalIsRecordedWithItsCodeAndWithoutTheAddress() {
        var refusal = new jakarta.mail.SendFailedException("Invalid Addresses",
                new org.eclipse.angus.mail.smtp.SMTPAddressFailedException(
                        new jakarta.mail.internet.InternetAddress(), "RCPT TO:<zhang.san@example.cn>", 550,
                        "550 5.1.1 <zhang.san@example.cn>: Recipient address rejected"));
        String recorded = SmtpMailer.withoutAddresses(refusal);
        assertTrue(recorded.contains("550"), recorded);
        assertTrue(!recorded.contains("zhang.san"), "no address in the record: " + recorded);
    }
}
