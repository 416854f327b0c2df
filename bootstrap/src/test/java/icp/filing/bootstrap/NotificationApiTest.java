package icp.filing.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import icp.filing.adapters.notification.SmsCentre;
import icp.filing.application.port.Outbox;
import icp.filing.application.port.OutboxMessage;
import icp.filing.application.port.Transactions;
import icp.filing.proto.provider.v1.Application;
import icp.filing.proto.provider.v1.NewFiling;
import icp.filing.proto.provider.v1.Principal;
import icp.filing.proto.provider.v1.SubmitApplicationRequest;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Messages leave through real protocols: a mail server (GreenMail, SMTP) and an SMS centre (jSMPP's server side,
 * SMPP 3.4) started inside the test, the outbox relay running on its thread. Outages of either are survived: the
 * entries wait and are delivered once the receiver is back, once.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "datasources.default.url", value = "jdbc:mariadb://embedded/icp_notify")
@Property(name = "icp.outbox.relay.enabled", value = "true")
@Property(name = "icp.outbox.relay.poll-interval", value = "100ms")
@Property(name = "icp.outbox.relay.initial-backoff", value = "200ms")
@Property(name = "icp.outbox.relay.max-backoff", value = "400ms")
@Property(name = "icp.outbox.relay.max-attempts", value = "1000")
class NotificationApiTest extends ApiTestSupport implements TestPropertyProvider {
    private TestSmsCentre smsCentre;
    private int smtpPort;
    private GreenMail smtp;
    private final Set<String> codesRead = ConcurrentHashMap.newKeySet();

    @Inject
    Outbox outbox;
    @Inject
    Transactions transactions;
    @Inject
    SmsCentre centre;

    @Override
    public Map<String, String> getProperties() {
        try {
            smsCentre = new TestSmsCentre();
            smsCentre.start();
            try (ServerSocket free = new ServerSocket(0)) {
                smtpPort = free.getLocalPort();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        startSmtp();
        return Map.of("icp.mail.host", "127.0.0.1", "icp.mail.port", String.valueOf(smtpPort),
                "icp.mail.tls", "none", "icp.mail.from", "beian@icp.example.cn",
                "icp.sms.centre.host", "127.0.0.1", "icp.sms.centre.port", String.valueOf(smsCentre.port()),
                "icp.sms.centre.system-id", "icpfiling", "icp.sms.centre.password", "secret",
                "icp.sms.centre.source-address", "106900001234", "icp.sms.centre.timeout", "3s");
    }

    private void startSmtp() {
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterAll
    void stopServers() throws IOException {
        smtp.stop();
        smsCentre.close();
    }

    /** The codes the SMS centre has received, once every SMS in the outbox has left. */
    @Override
    Phones phones() {
        return () -> {
            await("the SMS in the outbox delivered", () -> outbox.counts().get(OutboxMessage.Channel.SMS).pending() == 0);
            List<String[]> codes = new ArrayList<>();
            smsCentre.received().forEach((key, sms) -> {
                if (key.startsWith("code/") && codesRead.add(key)) {
                    codes.add(new String[] {sms.phone(), sms.text().replaceAll("^\\D*(\\d{6}).*$", "$1")});
                }
            });
            return codes;
        };
    }

    @Test
    void anApprovalSendsOneEmailAndOneSmsWithTheNumbers() throws Exception {
        Principal principal = TestFilings.principal("赵六");
        String domain = TestFilings.uniqueLabel() + ".com.cn";
        Application application = submit(SubmitApplicationRequest.newBuilder().setNewFiling(NewFiling.newBuilder()
                .setSubject(TestFilings.unit("北京" + TestFilings.uniqueLabel() + "有限公司", "110108").toBuilder()
                        .setPrincipal(principal))
                .addServices(TestFilings.website("示例网", domain).toBuilder().setPrincipal(principal))).build());
        String subjectNumber = (String) approve(application.getId()).get("subjectNumber");
        String event = "approved/" + application.getId() + "/";

        await("the approval SMS", () -> smsCentre.received().containsKey(event + "sms/0"));
        await("the approval e-mail", () -> mails(event).size() == 1);
        Thread.sleep(500); // a few more relay rounds: nothing may follow
        List<TestSmsCentre.Sms> sms = smsCentre.received().values().stream()
                .filter(s -> s.key().startsWith(event)).toList();
        assertEquals(1, sms.size(), "the subject's and the website's principal are one person: one SMS");
        assertEquals(principal.getPhone(), sms.get(0).phone());
        assertTrue(sms.get(0).text().contains("主体备案号：" + subjectNumber), sms.get(0).text());
        assertTrue(sms.get(0).text().contains(subjectNumber + "-1"), sms.get(0).text());

        List<MimeMessage> mails = mails(event);
        assertEquals(1, mails.size());
        MimeMessage mail = mails.get(0);
        assertEquals(TestFilings.EMAIL, mail.getAllRecipients()[0].toString());
        assertEquals("【ICP备案】备案审核通过：" + subjectNumber, mail.getSubject());
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        String text = (String) parts.getBodyPart(0).getContent();
        assertTrue(text.contains("网站“示例网”：" + subjectNumber + "-1"), text);
        assertTrue(text.contains("https://beian.miit.gov.cn/"), "where the number links to");
        assertTrue(parts.getBodyPart(1).isMimeType("text/html"));

        long smsEntry = entryId(event + "sms/0", "DELIVERED");
        await("the centre's delivery receipt recorded", () -> "DELIVRD".equals(receipts(smsEntry).get(0).get("state")));
    }

    @Test
    void aReturnAndARevocationReachThePrincipalsByEmailWithTheReasonsInWords() throws Exception {
        Application returned = submit(TestFilings.unitFiling("北京" + TestFilings.uniqueLabel() + "有限公司",
                TestFilings.uniqueLabel() + ".com.cn"));
        assertEquals(200, clients.post("/api/v1/bureau/applications/" + returned.getId() + "/return", "bj-reviewer",
                "{\"reasons\":[\"DOMAIN_HOLDER_MISMATCH\"],\"comment\":\"请核对<域名>持有者\"}").status());
        String returnEvent = "returned/" + returned.getId() + "/";
        await("the return e-mail", () -> mails(returnEvent).size() == 1);
        MimeMessage mail = mails(returnEvent).get(0);
        assertTrue(mail.getSubject().startsWith("【ICP备案】备案申请被退回"), mail.getSubject());
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        String text = (String) parts.getBodyPart(0).getContent();
        assertTrue(text.contains("域名持有者与主办者不一致（DOMAIN_HOLDER_MISMATCH）"), text);
        assertTrue(text.contains("审核意见：请核对<域名>持有者"), text);
        assertTrue(((String) parts.getBodyPart(1).getContent()).contains("请核对&lt;域名&gt;持有者"),
                "the reviewer's words are escaped in the HTML part");

        Application approved = submit(TestFilings.unitFiling("北京" + TestFilings.uniqueLabel() + "有限公司",
                TestFilings.uniqueLabel() + ".com.cn"));
        String subjectNumber = (String) approve(approved.getId()).get("subjectNumber");
        ApiClients.Response revoked = clients.post("/api/v1/bureau/filings/" + ApiClients.query(subjectNumber)
                + "/revoke", "bj-supervisor", "{\"reasons\":[\"SPREADS_RUMOURS\"]}");
        assertEquals(200, revoked.status(), revoked.body());
        await("the revocation e-mail", () -> mails("revoked/" + subjectNumber + "/").size() == 1);
        MimeMessage revocation = mails("revoked/" + subjectNumber + "/").get(0);
        assertEquals("【ICP备案】备案已被撤销：" + subjectNumber, revocation.getSubject());
        String words = (String) ((MimeMultipart) revocation.getContent()).getBodyPart(0).getContent();
        assertTrue(words.contains("撤销原因：散布谣言，扰乱社会秩序，破坏社会稳定"), words);
        assertTrue(words.contains(subjectNumber + "-1"), "the revoked website named with its number");
    }

    @Test
    void aThreeHundredCharacterChineseSmsArrivesWhole() {
        String text = "【ICP备案】" + "您的网站备案信息已经通过管局审核，请按要求展示备案号。".repeat(12);
        text = text.substring(0, 300);
        String key = "long/" + UUID.randomUUID();
        List<String> ids = centre.send("13900000001", text, key);

        assertEquals(5, ids.size(), "300 UCS-2 characters in parts of 67");
        String whole = text;
        await("all parts", () -> smsCentre.received().containsKey(key));
        assertEquals(whole, smsCentre.received().get(key).text());
        assertEquals(5, smsCentre.received().get(key).parts());
    }

    @Test
    void whileTheMailServerIsDownEntriesWaitAndAreDeliveredOnceItIsBack() throws Exception {
        smtp.stop();
        String key = "outage/smtp/" + UUID.randomUUID();
        try {
            add(new OutboxMessage(OutboxMessage.Channel.EMAIL, key, "outage@example.cn", "sms-expired",
                    Map.of("name", "张三", "subjectName", "示例公司", "operation", "首次备案", "applicationId", "a-1",
                            "decidedAt", "2026年3月2日 10:00"), List.of(), false));
            await("two failed attempts", () -> attempts(key, "PENDING") >= 2);
            Map<String, Object> entry = entry(key, "PENDING");
            assertTrue(((String) entry.get("lastError")).contains("SMTP"), entry.toString());
        } finally {
            startSmtp();
        }
        await("the e-mail after the outage", () -> mails(key).size() == 1);
        Thread.sleep(600);
        assertEquals(1, mails(key).size(), "once");
        entryId(key, "DELIVERED");
    }

    @Test
    void whileTheSmsCentreIsDownEntriesWaitAndAreDeliveredOnceItIsBack() throws Exception {
        smsCentre.stop();
        int duplicatesBefore = smsCentre.duplicates();
        String key = "outage/smpp/" + UUID.randomUUID();
        try {
            add(new OutboxMessage(OutboxMessage.Channel.SMS, key, "13900000002", "verification-code",
                    Map.of("code", "123456", "expiresAt", "2026年3月3日 10:00"), List.of(), true));
            await("two failed attempts", () -> attempts(key, "PENDING") >= 2);
            assertTrue(((String) entry(key, "PENDING").get("lastError")).contains("SMS centre"));
        } finally {
            smsCentre.start();
        }
        await("the SMS after the outage", () -> smsCentre.received().containsKey(key));
        Thread.sleep(600);
        assertTrue(smsCentre.received().get(key).text().contains("123456"));
        assertEquals(duplicatesBefore, smsCentre.duplicates(), "no part twice");
        entryId(key, "DELIVERED");
    }

    @Test
    void administratorsSeeTheOutboxMaskedAndRetryAFailedEntry() {
        assertEquals(403, clients.get("/api/v1/bureau/outbox", "bj-reviewer").status());
        String key = "refused/" + UUID.randomUUID();
        add(new OutboxMessage(OutboxMessage.Channel.EMAIL, key, "zhang san@example.cn", "sms-expired",
                Map.of("name", "张三"), List.of(), false));
        await("the refusal", () -> entryOrNull(key, "FAILED") != null);

        Map<String, Object> counts = clients.get("/api/v1/bureau/outbox", "sys-admin").object();
        @SuppressWarnings("unchecked")
        Map<String, Object> email = (Map<String, Object>) counts.get("EMAIL");
        assertTrue(((Number) email.get("failed")).longValue() >= 1, counts.toString());
        assertTrue(((Number) email.get("delivered")).longValue() >= 0);
        Map<String, Object> failed = entry(key, "FAILED");
        assertEquals("z***@example.cn", failed.get("recipient"), "personal data masked");
        assertTrue(((String) failed.get("lastError")).contains("invalid recipient"), failed.toString());
        assertTrue(!clients.get("/api/v1/bureau/outbox/entries?state=FAILED", "sys-admin").body()
                .contains("zhang san"), "the address never shown whole");

        long id = ((Number) failed.get("id")).longValue();
        ApiClients.Response retried = clients.post("/api/v1/bureau/outbox/entries/" + id + "/retry", "sys-admin", "");
        assertEquals(200, retried.status(), retried.body());
        await("the second refusal", () -> receiptsAndAttempts(id).size() == 2);
        ApiClients.Response again = clients.post("/api/v1/bureau/outbox/entries/" + entryId(
                smsKeyDelivered(), "DELIVERED") + "/retry", "sys-admin", "");
        assertEquals(409, again.status());
        assertTrue(again.body().contains("OUTBOX_ENTRY_NOT_FAILED"), again.body());
        ApiClients.Response missing = clients.get("/api/v1/bureau/outbox/entries/999999999", "sys-admin");
        assertEquals(404, missing.status());
        assertTrue(missing.body().contains("OUTBOX_ENTRY_NOT_FOUND"));
        assertEquals(400, clients.get("/api/v1/bureau/outbox/entries?state=LOST", "sys-admin").status());
    }

    private String smsKeyDelivered() {
        String key = "delivered/" + UUID.randomUUID();
        add(new OutboxMessage(OutboxMessage.Channel.SMS, key, "13900000003", "verification-code",
                Map.of("code", "654321", "expiresAt", "2026年3月3日 10:00"), List.of(), true));
        await("the SMS", () -> entryOrNull(key, "DELIVERED") != null);
        return key;
    }

    private void add(OutboxMessage message) {
        transactions.inTransaction(() -> {
            outbox.add(List.of(message));
            return null;
        });
    }

    private List<MimeMessage> mails(String keyPrefix) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                String[] key = m.getHeader("X-Idempotency-Key");
                return key != null && key[0].startsWith(keyPrefix);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The entry of a key in a state, as the administrators' REST view lists it. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> entryOrNull(String key, String state) {
        for (int page = 0; page < 20; page++) {
            Map<String, Object> listed = clients.get("/api/v1/bureau/outbox/entries?state=" + state + "&size=100&page="
                    + page, "sys-admin").object();
            List<Map<String, Object>> items = (List<Map<String, Object>>) listed.get("items");
            for (Map<String, Object> item : items) {
                if (key.equals(item.get("idempotencyKey"))) {
                    return item;
                }
            }
            if (items.size() < 100) {
                return null;
            }
        }
        return null;
    }

    private Map<String, Object> entry(String key, String state) {
        Map<String, Object> entry = entryOrNull(key, state);
        assertTrue(entry != null, key + " is not " + state);
        return entry;
    }

    private long entryId(String key, String state) {
        return ((Number) entry(key, state).get("id")).longValue();
    }

    private int attempts(String key, String state) {
        Map<String, Object> entry = entryOrNull(key, state);
        return entry == null ? 0 : ((Number) entry.get("attempts")).intValue();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> receipts(long id) {
        return (List<Map<String, Object>>) clients.get("/api/v1/bureau/outbox/entries/" + id, "sys-admin").object()
                .get("receipts");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> receiptsAndAttempts(long id) {
        return (List<Map<String, Object>>) clients.get("/api/v1/bureau/outbox/entries/" + id, "sys-admin").object()
                .get("attempts");
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited 20 s for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
