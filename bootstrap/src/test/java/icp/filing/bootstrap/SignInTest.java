package icp.filing.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

/**
 * Bureau sign-in as an attacker meets it: a wrong name costs what a wrong password costs, and guessing is slowed down
 * per user and per address. Throttling is per application context, so this class guesses without harming others.
 */
@MicronautTest(transactional = false)
class SignInTest extends ApiTestSupport {
    private static final String QUEUE = "/api/v1/bureau/applications";

    @Test
    void unknownNamesTakeAsLongAsWrongPasswordsAndGuessingIsThrottled() throws Exception {
        // timing: the median of three unknown names against three wrong passwords of a real user
        long unknown = median(() -> clients.get(QUEUE, "nobody-" + TestFilings.uniqueLabel() + ":x").status());
        long wrongPassword = median(() -> clients.get(QUEUE, "bj-reviewer-2:wrong").status());
        assertTrue(unknown * 2 > wrongPassword, "unknown " + unknown + " ms vs wrong password " + wrongPassword + " ms");

        // per user: five failures, then even the right password waits
        for (int i = 0; i < 5; i++) {
            assertEquals(401, clients.get(QUEUE, "guessed-reviewer:guess" + i).status());
        }
        ApiClients.Response blocked = clients.get(QUEUE, "guessed-reviewer:bureau-demo");
        assertEquals(429, blocked.status(), blocked.body());
        assertEquals("TOO_MANY_ATTEMPTS", blocked.object().get("reason"));
        long retryAfter = Long.parseLong(blocked.header("Retry-After"));
        assertTrue(retryAfter >= 1, "Retry-After " + retryAfter);
        Thread.sleep(retryAfter * 1000 + 200);
        assertEquals(200, clients.get(QUEUE, "guessed-reviewer:bureau-demo").status());

        // per address: many names from one address (12 failures in the test configuration, 11 so far)
        ApiClients.Response fromAddress = null;
        for (int i = 0; i < 13 && (fromAddress == null || fromAddress.status() != 429); i++) {
            fromAddress = clients.get(QUEUE, "sprayed-" + i + ":bureau-demo");
        }
        assertEquals(429, fromAddress.status(), "the address is refused after its failures");
        assertNotNull(fromAddress.header("Retry-After"));
        Thread.sleep(Long.parseLong(fromAddress.header("Retry-After")) * 1000 + 200);
    }

    private static long median(java.util.function.IntSupplier call) {
        long[] times = new long[3];
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            assertEquals(401, call.getAsInt());
            times[i] = (System.nanoTime() - start) / 1_000_000;
        }
        java.util.Arrays.sort(times);
        return times[1];
    }
}
