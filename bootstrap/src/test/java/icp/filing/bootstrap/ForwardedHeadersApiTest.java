package icp.filing.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

/**
 * With no trusted proxy configured (the default) a forwarding header is the sender's own words: a client that sends a
 * fresh {@code X-Forwarded-For} or {@code Forwarded} with every request is throttled exactly like one that sends none,
 * by every per-address limit (the public query's tokens, SMS confirmations, sign-in failures).
 */
@MicronautTest(transactional = false)
@Property(name = "icp.public.rate-limit.capacity", value = "5")
@Property(name = "icp.public.rate-limit.per-second", value = "0.001")
@Property(name = "icp.sms.confirm.max-per-address", value = "4")
class ForwardedHeadersApiTest extends ApiTestSupport {
    private static int forged;

    /** A new address each call, as an attacker would forge them. */
    private static String fresh() {
        forged++;
        return "198.51." + (forged / 250) + "." + (forged % 250 + 1);
    }

    @Test
    void freshForwardedForHeadersGetNoFreshPublicQueryTokens() {
        for (int i = 0; i < 5; i++) {
            assertEquals(200, clients.getWith("/api/v1/public/filings?q=example.cn", null,
                    "X-Forwarded-For", fresh()).status());
        }
        assertEquals(429, clients.getWith("/api/v1/public/filings?q=example.cn", null,
                "X-Forwarded-For", fresh()).status());
        assertEquals(429, clients.getWith("/api/v1/public/filings?q=example.cn", null,
                "Forwarded", "for=" + fresh()).status());
        assertEquals(429, clients.getWith("/api/v1/public/filings?q=example.cn", null).status(), "nor without one");
    }

    @Test
    void freshForwardedForHeadersGetNoFreshConfirmationAttempts() {
        String body = "{\"phone\":\"13700000001\",\"code\":\"000000\",\"certificateTail\":\"000000\"}";
        for (int i = 0; i < 4; i++) {
            assertEquals(400, clients.post("/api/v1/public/sms-verifications/confirm", body,
                    "X-Forwarded-For", fresh()).status());
        }
        ApiClients.Response over = clients.post("/api/v1/public/sms-verifications/confirm", body,
                "X-Forwarded-For", fresh());
        assertEquals(429, over.status(), over.body());
    }

    @Test
    void freshForwardedForHeadersGetNoFreshSignInFailures() {
        ApiClients.Response last = null;
        // 12 failures per address in the test configuration, each from another user name and forged address
        for (int i = 0; i < 13; i++) {
            last = clients.getWith("/api/v1/bureau/applications", "sprayed-" + i + ":x", "X-Forwarded-For", fresh());
        }
        assertEquals(429, last.status(), last.body());
    }
}
