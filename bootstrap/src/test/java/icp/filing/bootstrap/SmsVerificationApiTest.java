package icp.filing.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import icp.filing.application.usecase.ExpireSmsVerifications;
import icp.filing.proto.provider.v1.Application;
import icp.filing.proto.provider.v1.ApplicationState;
import icp.filing.proto.provider.v1.GetApplicationRequest;
import icp.filing.proto.provider.v1.ResendVerificationRequest;
import icp.filing.proto.provider.v1.SubmitApplicationRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * 短信核验 over real gRPC and HTTP: nothing reaches the bureau before every principal confirms; wrong codes, the 24
 * hours and resends as the guide has them; the public endpoint tells nobody who has an application.
 */
@MicronautTest(transactional = false)
@Property(name = "icp.test.movable-clock", value = "true")
@Property(name = "icp.sms.confirm.max-per-phone", value = "8")
class SmsVerificationApiTest extends ApiTestSupport {
    @Inject
    RecordingSmsCentre smsPhones;

    @Inject
    MovableClock clock;
    @Inject
    ExpireSmsVerifications expiry;

    private Application submitOnly() {
        clock.set(Instant.parse("2026-03-02T02:00:00Z"));
        return clients.provider(ApiClients.DEMO_KEY).submitApplication(complete(TestFilings.unitFiling(
                "北京" + TestFilings.uniqueLabel() + "有限公司", TestFilings.uniqueLabel() + ".cn"))).getApplication();
    }

    private ApiClients.Response confirm(String phone, String code, String tail) {
        return clients.post("/api/v1/public/sms-verifications/confirm", null,
                "{\"phone\":\"" + phone + "\",\"code\":\"" + code + "\",\"certificateTail\":\"" + tail + "\"}");
    }

    private static String tail(String phone) {
        String certificate = TestFilings.CERTIFICATE_BY_PHONE.get(phone);
        return certificate.substring(certificate.length() - 6);
    }

    private Application read(Application application) {
        return clients.provider(ApiClients.DEMO_KEY).getApplication(GetApplicationRequest.newBuilder()
                .setApplicationId(application.getId()).build()).getApplication();
    }

    private boolean inBureauQueue(Application application) {
        return clients.get("/api/v1/bureau/applications?size=100", "bj-reviewer").body()
                .contains(application.getId());
    }

    @Test
    void theBureauSeesTheApplicationOnlyOnceEveryPrincipalConfirmed() {
        Application submitted = submitOnly();
        assertEquals(ApplicationState.APPLICATION_STATE_AWAITING_SMS_CONFIRMATION, submitted.getState());
        List<String[]> codes = smsPhones.drain();
        assertEquals(2, codes.size(), "the subject principal and the website's principal");
        assertFalse(inBureauQueue(submitted));

        ApiClients.Response first = confirm(codes.get(0)[0], codes.get(0)[1], tail(codes.get(0)[0]));
        assertEquals(Map.of("confirmed", true, "applicationComplete", false), first.object());
        assertFalse(inBureauQueue(submitted), "one principal is not enough");

        ApiClients.Response second = confirm(codes.get(1)[0], codes.get(1)[1], tail(codes.get(1)[0]).toLowerCase());
        assertEquals(Map.of("confirmed", true, "applicationComplete", true), second.object());
        assertEquals(ApplicationState.APPLICATION_STATE_IN_REVIEW, read(submitted).getState());
        assertTrue(inBureauQueue(submitted));
    }

    @Test
    void anUnknownPhoneAWrongCodeAndAWrongTailGetTheSameAnswer() {
        submitOnly();
        String[] sms = smsPhones.drain().get(0);
        String wrongCode = sms[1].equals("000000") ? "000001" : "000000";

        ApiClients.Response unknownPhone = confirm("13700000001", sms[1], tail(sms[0]));
        ApiClients.Response wrongCodeAnswer = confirm(sms[0], wrongCode, tail(sms[0]));
        ApiClients.Response wrongTail = confirm(sms[0], sms[1], "000000");

        for (ApiClients.Response answer : List.of(unknownPhone, wrongCodeAnswer, wrongTail)) {
            assertEquals(400, answer.status(), answer.body());
            assertEquals(unknownPhone.body(), answer.body());
            assertEquals("SMS_CODE_NOT_ACCEPTED", answer.object().get("reason"));
        }
        ApiClients.Response malformed = confirm("12345", "abc", "");
        assertEquals(400, malformed.status());
        assertTrue(malformed.body().contains("\"phone\"") && malformed.body().contains("\"code\"")
                && malformed.body().contains("\"certificateTail\""), malformed.body());
    }

    @Test
    void theSixthWrongCodeReturnsTheApplication() {
        Application submitted = submitOnly();
        String[] sms = smsPhones.drain().get(0);
        String wrong = sms[1].equals("111111") ? "222222" : "111111";
        for (int i = 0; i < 6; i++) {
            assertEquals(400, confirm(sms[0], wrong, tail(sms[0])).status());
        }
        Application returned = read(submitted);
        assertEquals(ApplicationState.APPLICATION_STATE_RETURNED, returned.getState());
        assertEquals("RETURN_REASON_SMS_NOT_CONFIRMED",
                returned.getHistory(returned.getHistoryCount() - 1).getReasons(0).name());
        assertEquals(400, confirm(sms[0], sms[1], tail(sms[0])).status(), "the right code is too late now");
    }

    @Test
    void twentyFourHoursToConfirmThenTheApplicationGoesBack() {
        Application submitted = submitOnly();
        List<String[]> codes = smsPhones.drain();
        clock.advance(Duration.ofHours(23).plusMinutes(59));
        assertEquals(0, expiry.run());
        assertEquals(200, confirm(codes.get(0)[0], codes.get(0)[1], tail(codes.get(0)[0])).status());

        clock.advance(Duration.ofMinutes(1));
        assertTrue(expiry.run() >= 1, "this one, and any other test's left waiting since the same moment");
        Application returned = read(submitted);
        assertEquals(ApplicationState.APPLICATION_STATE_RETURNED, returned.getState());
        assertEquals("system", returned.getHistory(returned.getHistoryCount() - 1).getActorId());
        assertEquals(400, confirm(codes.get(1)[0], codes.get(1)[1], tail(codes.get(1)[0])).status());
    }

    @Test
    void twoResendsAtMostAndOnlyWhileWaiting() {
        Application submitted = submitOnly();
        smsPhones.drain();
        var provider = clients.provider(ApiClients.DEMO_KEY);
        ResendVerificationRequest resend = ResendVerificationRequest.newBuilder().setApplicationId(submitted.getId())
                .build();
        provider.resendVerification(resend);
        assertEquals(2, smsPhones.drain().size(), "new codes to both principals");
        provider.resendVerification(resend);
        StatusRuntimeException third = assertThrows(StatusRuntimeException.class,
                () -> provider.resendVerification(resend));
        assertEquals(Status.Code.RESOURCE_EXHAUSTED, third.getStatus().getCode());
        assertEquals("TOO_MANY_RESENDS", ProviderApiTest.errorInfo(third).getReason());

        confirmSms(submitted);
        StatusRuntimeException over = assertThrows(StatusRuntimeException.class,
                () -> provider.resendVerification(resend));
        assertEquals(Status.Code.FAILED_PRECONDITION, over.getStatus().getCode());
        StatusRuntimeException other = assertThrows(StatusRuntimeException.class,
                () -> clients.provider(ApiClients.OTHER_KEY).resendVerification(resend));
        assertEquals(Status.Code.NOT_FOUND, other.getStatus().getCode());
    }

    @Test
    void aWrongTailCountsAgainstNeitherThePhoneNorTheVerification() {
        Application submitted = submitOnly();
        List<String[]> codes = smsPhones.drain();
        String[] sms = codes.get(0);
        for (int i = 0; i < 9; i++) {
            ApiClients.Response refused = confirm(sms[0], "000000".equals(sms[1]) ? "999999" : "000000", "XXXXXX");
            assertEquals(400, refused.status(), "never 429: the phone's budget is the principal's, " + refused.body());
        }
        assertEquals(ApplicationState.APPLICATION_STATE_AWAITING_SMS_CONFIRMATION, read(submitted).getState(),
                "nine wrong codes, none with the principal's tail: the application stays");
        assertEquals(200, confirm(sms[0], sms[1], tail(sms[0])).status());
    }

    @Test
    void aWithdrawnApplicationTakesNoMoreConfirmations() {
        Application submitted = submitOnly();
        String[] sms = smsPhones.drain().get(0);
        clients.provider(ApiClients.DEMO_KEY).withdrawApplication(icp.filing.proto.provider.v1
                .WithdrawApplicationRequest.newBuilder().setApplicationId(submitted.getId()).build());
        assertEquals(400, confirm(sms[0], sms[1], tail(sms[0])).status());
        assertEquals(ApplicationState.APPLICATION_STATE_WITHDRAWN, read(submitted).getState());
    }

    @Test
    void validateOnlySendsNothing() {
        clients.provider(ApiClients.DEMO_KEY).submitApplication(complete(TestFilings.unitFiling(
                "北京" + TestFilings.uniqueLabel() + "有限公司", TestFilings.uniqueLabel() + ".cn")).toBuilder()
                .setValidateOnly(true).build());
        assertEquals(List.of(), smsPhones.drain());
    }

    @Test
    void concurrentSubmissionsEachStartTheirVerification() throws Exception {
        clock.set(Instant.parse("2026-03-02T02:00:00Z"));
        List<SubmitApplicationRequest> requests = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            requests.add(complete(TestFilings.unitFiling("北京" + TestFilings.uniqueLabel() + "有限公司",
                    TestFilings.uniqueLabel() + ".cn")));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(8);
            List<java.util.concurrent.Future<Application>> submitted = new java.util.ArrayList<>();
            for (SubmitApplicationRequest request : requests) {
                submitted.add(pool.submit(() -> {
                    together.await();
                    return clients.provider(ApiClients.DEMO_KEY).submitApplication(request).getApplication();
                }));
            }
            for (var each : submitted) {
                assertEquals(ApplicationState.APPLICATION_STATE_AWAITING_SMS_CONFIRMATION,
                        each.get(30, java.util.concurrent.TimeUnit.SECONDS).getState());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(16, smsPhones.drain().size(), "two principals each");
    }

    @Test
    void theLogSinkWritesEachSmsAsOneLineWithThePhoneMasked() throws Exception {
        submitOnly();
        String[] sms = smsPhones.drain().get(0);
        String masked = sms[0].substring(0, 3) + "****" + sms[0].substring(7);
        List<String> lines = java.nio.file.Files.readAllLines(java.nio.file.Path.of("target/test-logs/suite.log"));
        String line = lines.stream().filter(l -> l.contains("icp.sms") && l.contains(sms[1])).findFirst()
                .orElseThrow(() -> new AssertionError("no SMS line with the code in the log"));
        assertTrue(line.contains("SMS to " + masked + ": 【ICP备案】"), line);
        assertFalse(line.contains(sms[0]), "the phone is masked");
    }
}
