package icp.filing.domain.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import icp.filing.domain.application.ApplicationId;
import icp.filing.domain.error.Reason;
import icp.filing.domain.error.ResourceExhaustedException;
import icp.filing.domain.error.StateConflictException;
import icp.filing.domain.identity.CertificateType;
import icp.filing.domain.identity.EmailAddress;
import icp.filing.domain.identity.PhoneNumber;
import icp.filing.domain.subject.Principal;
import icp.filing.domain.verification.SmsVerification.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SmsVerificationTest {
    private static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");
    private static final Principal ZHANG = new Principal("张三", CertificateType.RESIDENT_ID_CARD, "11010519491231002X",
            null, new PhoneNumber("13800138000"), new EmailAddress("zhang@example.cn"));
    private static final Principal LI = new Principal("李四", CertificateType.RESIDENT_ID_CARD, "110101199001010015",
            null, new PhoneNumber("13900139000"), new EmailAddress("li@example.cn"));

    private static final byte[] KEY_BYTES = "the server's secret for SMS codes".getBytes(StandardCharsets.US_ASCII);
    private static final CodeKey KEY = new CodeKey(KEY_BYTES);

    private static String code(SmsVerification.Sms sms) {
        Matcher m = Pattern.compile("\\d{6}").matcher(sms.code());
        assertTrue(m.matches(), sms.code());
        return m.group();
    }

    @Test
    void onePersonWhoIsPrincipalTwiceConfirmsOnceAndEveryoneMustConfirm() {
        SmsVerification.Started started = SmsVerification.start(ApplicationId.random(), List.of(ZHANG, LI, ZHANG), T0, KEY);
        SmsVerification v = started.verification();
        assertEquals(2, started.messages().size());
        assertEquals(List.of("13800138000", "13900139000"), started.messages().stream()
                .map(SmsVerification.Sms::phone).toList());
        assertFalse(v.confirmations().get(0).codeHash().contains(code(started.messages().get(0))),
                "only a hash is kept");

        assertEquals(Outcome.CONFIRMED_ONE, v.confirm("13800138000", code(started.messages().get(0)), "31002x", T0, KEY));
        assertEquals(Outcome.CONFIRMED_ALL, v.confirm("13900139000", code(started.messages().get(1)), "010015", T0, KEY));
        assertEquals(SmsVerification.State.CONFIRMED, v.state());
    }

    @Test
    void theCodePhoneAndTailMustBelongTogetherAndTheSixthWrongAttemptFails() {
        SmsVerification.Started started = SmsVerification.start(ApplicationId.random(), List.of(ZHANG, LI), T0, KEY);
        SmsVerification v = started.verification();
        String zhangsCode = code(started.messages().get(0));

        assertEquals(Outcome.WRONG, v.confirm("13900139000", zhangsCode, "010015", T0, KEY), "another's code");
        assertEquals(Outcome.NOT_A_PRINCIPAL, v.confirm("13800138000", zhangsCode, "010015", T0, KEY),
                "another's tail");
        for (int i = 0; i < 4; i++) {
            assertEquals(Outcome.WRONG, v.confirm("13800138000", "000000", "31002X", T0, KEY));
        }
        assertEquals(Outcome.FAILED, v.confirm("13800138000", "12345", "31002X", T0, KEY), "the sixth wrong attempt");
        assertEquals(SmsVerification.State.FAILED, v.state());
        assertEquals(Outcome.FAILED, v.confirm("13800138000", zhangsCode, "31002X", T0, KEY), "too late now");
    }

    @Test
    void attemptsWithATailNoPrincipalHasNeverFailTheVerification() {
        SmsVerification.Started started = SmsVerification.start(ApplicationId.random(), List.of(ZHANG, LI), T0, KEY);
        SmsVerification v = started.verification();
        for (int i = 0; i < 50; i++) {
            assertEquals(Outcome.NOT_A_PRINCIPAL, v.confirm("13800138000", "000000", "123456", T0, KEY));
        }
        assertEquals(0, v.wrongCodes(), "a stranger who knows only the phone cannot end the filing");
        assertEquals(SmsVerification.State.PENDING, v.state());
        assertEquals(Outcome.CONFIRMED_ONE, v.confirm("13800138000", code(started.messages().get(0)), "31002X", T0, KEY));
        assertEquals(Outcome.NOT_A_PRINCIPAL, v.confirm("13800138000", "000000", "31002X", T0, KEY),
                "a principal who has confirmed is no longer awaited");
    }

    @Test
    void twentyFourHoursToConfirm() {
        SmsVerification.Started started = SmsVerification.start(ApplicationId.random(), List.of(ZHANG), T0, KEY);
        SmsVerification v = started.verification();
        assertFalse(v.expire(T0.plus(Duration.ofHours(24)).minusSeconds(1)));
        assertEquals(Outcome.FAILED, v.confirm("13800138000", code(started.messages().get(0)), "31002X",
                T0.plus(Duration.ofHours(24)), KEY));
        assertTrue(v.expire(T0.plus(Duration.ofDays(2))));
    }

    @Test
    void twoResendsWithNewCodesToThoseWhoHaveNotConfirmed() {
        SmsVerification.Started started = SmsVerification.start(ApplicationId.random(), List.of(ZHANG, LI), T0, KEY);
        SmsVerification v = started.verification();
        String old = code(started.messages().get(0));
        v.confirm("13900139000", code(started.messages().get(1)), "010015", T0, KEY);

        List<SmsVerification.Sms> again = v.resend(T0.plusSeconds(60), KEY);
        assertEquals(List.of("13800138000"), again.stream().map(SmsVerification.Sms::phone).toList());
        String fresh = code(again.get(0));
        if (!fresh.equals(old)) {
            assertEquals(Outcome.WRONG, v.confirm("13800138000", old, "31002X", T0, KEY), "the old code is void");
        }
        v.resend(T0.plusSeconds(120), KEY);
        assertEquals(Reason.TOO_MANY_RESENDS, assertThrows(ResourceExhaustedException.class,
                () -> v.resend(T0.plusSeconds(180), KEY)).reason());
        assertEquals(T0.plus(Duration.ofHours(24)), v.expiresAt(), "resends do not extend the 24 hours");
    }

    @Test
    void nothingIsResentOnceItEnded() {
        SmsVerification.Started started = SmsVerification.start(ApplicationId.random(), List.of(ZHANG), T0, KEY);
        SmsVerification v = started.verification();
        v.confirm("13800138000", code(started.messages().get(0)), "31002X", T0, KEY);
        assertEquals(Reason.SMS_NOT_PENDING, assertThrows(StateConflictException.class, () -> v.resend(T0, KEY)).reason());
    }

    @Test
    void codesAreSixDigitsFromASecureSourceAndHashesAreSalted() {
        VerificationCode.Issued a = VerificationCode.issue(KEY);
        VerificationCode.Issued b = VerificationCode.issue(KEY);
        assertTrue(a.code().matches("\\d{6}"));
        assertNotEquals(a.hash(), b.hash());
        assertTrue(VerificationCode.matches(a.code(), a.hash(), KEY));
        assertFalse(VerificationCode.matches("12345a", a.hash(), KEY));
        assertFalse(a.toString().contains(a.code()));
    }

    /** Without the server's key a stolen hash cannot be tried: the right code under another key does not match. */
    @Test
    void aHashIsKeyedWithTheServersSecretAndIsTheStandardHmac() throws Exception {
        VerificationCode.Issued issued = VerificationCode.issue(KEY);
        CodeKey other = new CodeKey("another server's secret, 32 bytes!".getBytes(StandardCharsets.US_ASCII));
        assertFalse(VerificationCode.matches(issued.code(), issued.hash(), other));

        String[] parts = issued.hash().split(":");
        assertEquals("k1", parts[0]);
        javax.crypto.Mac hmac = javax.crypto.Mac.getInstance("HmacSHA256");
        hmac.init(new javax.crypto.spec.SecretKeySpec(KEY_BYTES, "HmacSHA256"));
        hmac.update(HexFormat.of().parseHex(parts[1]));
        assertEquals(parts[2], HexFormat.of().formatHex(hmac.doFinal(issued.code().getBytes(StandardCharsets.US_ASCII))),
                "HMAC-SHA256(key, salt || code), as the JDK computes it");
        assertThrows(IllegalArgumentException.class, () -> new CodeKey(new byte[31]));
        assertFalse(KEY.toString().contains("1"));
    }

    /** A code issued before the key (salt:hash, SHA-256 iterated) still confirms across the upgrade. */
    @Test
    void aHashWrittenBeforeTheKeyStillMatches() throws Exception {
        byte[] salt = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");
        java.security.MessageDigest sha256 = java.security.MessageDigest.getInstance("SHA-256");
        byte[] state = salt;
        for (int i = 0; i < 20_000; i++) {
            sha256.update(state);
            sha256.update(salt);
            state = sha256.digest("123456".getBytes(StandardCharsets.US_ASCII));
        }
        String legacy = HexFormat.of().formatHex(salt) + ":" + HexFormat.of().formatHex(state);
        assertTrue(VerificationCode.matches("123456", legacy, KEY));
        assertFalse(VerificationCode.matches("123457", legacy, KEY));
    }
}
