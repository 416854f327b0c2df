package icp.filing.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import icp.filing.proto.provider.v1.Application;
import icp.filing.proto.provider.v1.ApplicationState;
import icp.filing.proto.provider.v1.GetApplicationRequest;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Behind proxies the operator names ({@code icp.http.trusted-proxies}: here the test's own loopback socket and
 * 10.0.0.0/8), the client is the right-most forwarded hop that is not a trusted proxy: two clients behind the proxy
 * get two budgets, and what a client writes left of its own hop changes nothing. The SMS limits then show who may
 * lock a principal out: only the principal's own wrong codes (phone and certificate tail right) count against the
 * phone and the verification, keyed on the number however it is written.
 */
@MicronautTest(transactional = false)
@Property(name = "icp.http.trusted-proxies", value = "127.0.0.1, ::1, 10.0.0.0/8")
@Property(name = "icp.public.rate-limit.capacity", value = "3")
@Property(name = "icp.public.rate-limit.per-second", value = "0.001")
@Property(name = "icp.sms.confirm.max-per-address", value = "40")
@Property(name = "icp.sms.confirm.max-per-phone", value = "3")
@Property(name = "icp.test.movable-clock", value = "true")
class TrustedProxyApiTest extends ApiTestSupport {
    private static final String CONFIRM = "/api/v1/public/sms-verifications/confirm";

    @Inject
    RecordingSmsCentre smsPhones;
    @Inject
    MovableClock clock;

    private int queries(String... forwarded) {
        return clients.getWith("/api/v1/public/filings?q=example.cn", null, forwarded).status();
    }

    @Test
    void twoClientsBehindTheProxyGetTwoBudgets() {
        for (int i = 0; i < 3; i++) {
            assertEquals(200, queries("X-Forwarded-For", "203.0.113.1"));
            assertEquals(200, queries("X-Forwarded-For", "203.0.113.2, 10.1.2.3"), "through a second trusted hop");
        }
        assertEquals(429, queries("X-Forwarded-For", "203.0.113.1"));
        assertEquals(429, queries("X-Forwarded-For", "192.0.2.77, 203.0.113.1"),
                "a hop the client wrote left of its own changes nothing");
        assertEquals(429, queries("X-Forwarded-For", "203.0.113.2"));
        assertEquals(200, queries("X-Forwarded-For", "203.0.113.3"));
    }

    private Application submitOnly() {
        clock.set(Instant.parse("2026-03-02T02:00:00Z"));
        return clients.provider(ApiClients.DEMO_KEY).submitApplication(complete(TestFilings.unitFiling(
                "北京" + TestFilings.uniqueLabel() + "有限公司", TestFilings.uniqueLabel() + ".cn"))).getApplication();
    }

    private ApiClients.Response confirm(String from, String phone, String code, String tail) {
        return clients.post(CONFIRM, "{\"phone\":\"" + phone + "\",\"code\":\"" + code + "\",\"certificateTail\":\""
                + tail + "\"}", "X-Forwarded-For", from);
    }

    private ApplicationState state(Application application) {
        return clients.provider(ApiClients.DEMO_KEY).getApplication(GetApplicationRequest.newBuilder()
                .setApplicationId(application.getId()).build()).getApplication().getState();
    }

    private static String tail(String phone) {
        String certificate = TestFilings.CERTIFICATE_BY_PHONE.get(phone);
        return certificate.substring(certificate.length() - 6);
    }

    private static String wrong(String code) {
        return code.equals("000000") ? "000001" : "000000";
    }

    @Test
    void aStrangerWhoKnowsOnlyThePhoneCannotReturnTheApplicationNorLockThePrincipalOut() {
        Application submitted = submitOnly();
        List<String[]> codes = smsPhones.drain();
        String[] sms = codes.get(0);
        ApiClients.Response refusedForAPrincipal = confirm("203.0.113.20", sms[0], wrong(sms[1]), tail(sms[0]));
        for (int i = 0; i < 30; i++) {
            ApiClients.Response stranger = confirm("203.0.113.21", sms[0], wrong(sms[1]), i % 2 == 0 ? "123456" : "X0X0X0");
            assertEquals(400, stranger.status(), stranger.body());
            assertEquals(refusedForAPrincipal.body(), stranger.body(), "the same answer for every refusal");
        }
        assertEquals(ApplicationState.APPLICATION_STATE_AWAITING_SMS_CONFIRMATION, state(submitted));
        for (String[] code : codes) {
            assertEquals(200, confirm("203.0.113.22", code[0], code[1], tail(code[0])).status(),
                    "the principal is not locked out");
        }
        assertEquals(ApplicationState.APPLICATION_STATE_IN_REVIEW, state(submitted));
    }

    @Test
    void thePhonesLimitIsKeyedOnTheNumberHoweverItIsWritten() {
        submitOnly();
        String[] sms = smsPhones.drain().get(0);
        String phone = sms[0];
        String spaced = "+86 " + phone.substring(0, 3) + " " + phone.substring(3, 7) + " " + phone.substring(7);
        String fullWidth = phone.chars().mapToObj(c -> String.valueOf((char) (c - '0' + '０')))
                .reduce("", String::concat);
        String address = "203.0.113.30";
        for (String written : List.of(spaced, "86" + phone, fullWidth)) {
            assertEquals(400, confirm(address, written, wrong(sms[1]), tail(phone)).status(), written);
        }
        ApiClients.Response over = confirm("203.0.113.31", phone, sms[1], tail(phone));
        assertEquals(429, over.status(), "three wrong codes of this principal, however the phone was written");
        assertEquals("TOO_MANY_ATTEMPTS", over.object().get("reason"));
    }
}
