package icp.filing.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A bureau frontend's mistakes answered in its own terms: which field, what was expected, never parser internals. */
@MicronautTest(transactional = false)
class RestInputTest extends ApiTestSupport {
    private static final String RETURN = "/api/v1/bureau/applications/00000000-0000-0000-0000-000000000000/return";

    @Test
    void anUnreadableBodySaysWhereAndWhatWasExpected() {
        Map<String, String> expectations = Map.of(
                "{\"reasons\": {\"a\": 1}}", "a list expected",
                "[1, 2]", "an object expected",
                "{", "the body is not JSON");
        expectations.forEach((body, expected) -> {
            ApiClients.Response response = clients.post(RETURN, "bj-reviewer", body);
            assertEquals(400, response.status(), body);
            assertEquals("MALFORMED_REQUEST", response.object().get("reason"));
            String detail = (String) response.object().get("detail");
            assertTrue(detail.contains(expected) && detail.contains(" / "), body + " -> " + detail);
            assertNoInternals(response.body());
        });
    }

    @Test
    void aParameterOfTheWrongTypeIsNamed() {
        ApiClients.Response response = clients.get("/api/v1/bureau/applications?page=abc", "bj-reviewer");
        assertEquals(400, response.status());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> violations = (List<Map<String, Object>>) response.object().get("violations");
        assertEquals("page", violations.get(0).get("field"));
        assertTrue(((String) response.object().get("detail")).contains("page must be an integer"), response.body());
        assertNoInternals(response.body());
    }

    /** The public query's refusals: the field, the rule's code, the problem shape, as every other refusal. */
    @Test
    void aPublicQueryThatCannotBeAskedNamesItsParameterAndRule() {
        Map<String, String[]> refusals = Map.of(
                "/api/v1/public/filings?q=", new String[] {"q", "REQUIRED"},
                "/api/v1/public/filings?q=%20%20", new String[] {"q", "REQUIRED"},
                "/api/v1/public/filings?q=" + "a".repeat(1001), new String[] {"q", "TOO_LONG"},
                "/api/v1/public/filings?q=example.cn&type=SHOP", new String[] {"type", "UNKNOWN_CODE"});
        refusals.forEach((path, expected) -> {
            ApiClients.Response response = clients.get(path, null);
            assertEquals(400, response.status(), path);
            assertTrue(response.headers().firstValue("Content-Type").orElseThrow()
                    .contains("application/problem+json"), path);
            assertEquals(expected[1], response.object().get("reason"), response.body());
            assertEquals(400, response.object().get("status"));
            assertEquals("urn:icp-filing:problem:" + expected[1].toLowerCase().replace('_', '-'),
                    response.object().get("type"));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> violations = (List<Map<String, Object>>) response.object().get("violations");
            assertEquals(expected[0], violations.get(0).get("field"), response.body());
            assertNoInternals(response.body());
        });
    }

    private static void assertNoInternals(String body) {
        for (String internal : List.of("START_", "VALUE_", "java", "Exception", "Failed to convert", "Source:",
                "icp.filing")) {
            assertFalse(body.contains(internal), internal + " in " + body);
        }
    }
}
