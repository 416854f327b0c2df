package icp.filing.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import icp.filing.proto.provider.v1.CancelAccessRequest;
import icp.filing.proto.provider.v1.NewFiling;
import icp.filing.proto.provider.v1.SubmitApplicationRequest;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** 清理空壳: a service nobody hosts stays filed through the notice period, then a supervisor's clean-up cancels it. */
@MicronautTest(transactional = false)
@Property(name = "icp.test.movable-clock", value = "true")
class ShellCleanUpApiTest extends ApiTestSupport {
    @Inject
    MovableClock clock;

    @Test
    void aShellOlderThanTheNoticePeriodIsCancelledOnRecord() {
        clock.set(Instant.parse("2026-04-01T02:00:00Z"));
        String shellDomain = TestFilings.uniqueLabel() + ".cn";
        String keptDomain = TestFilings.uniqueLabel() + ".cn";
        Map<String, Object> decision = approve(submit(SubmitApplicationRequest.newBuilder().setNewFiling(NewFiling
                .newBuilder().setSubject(TestFilings.unit("北京" + TestFilings.uniqueLabel() + "有限公司", "110108"))
                .addServices(TestFilings.website("没人接入的网站", shellDomain))
                .addServices(TestFilings.website("还在的网站", keptDomain))).build()).getId());
        String subject = (String) decision.get("subjectNumber");
        clients.provider(ApiClients.DEMO_KEY).cancelAccess(CancelAccessRequest.newBuilder()
                .setServiceNumber(subject + "-1").build());

        assertEquals(403, clients.post("/api/v1/bureau/shells/clean-up", "bj-reviewer", "").status());
        clock.advance(Duration.ofDays(29));
        assertEquals(List.of(), cleanUp(), "within the notice period it stays filed");
        assertEquals(1, query(shellDomain).size());

        clock.advance(Duration.ofDays(2));
        assertEquals(List.of(subject + "-1"), cleanUp());
        assertEquals(List.of(), query(shellDomain));
        assertEquals(1, query(keptDomain).size());

        Map<String, Object> filing = clients.get("/api/v1/bureau/filings/" + ApiClients.query(subject),
                "bj-reviewer").object();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> record = (List<Map<String, Object>>) filing.get("record");
        Map<String, Object> last = record.get(record.size() - 1);
        assertEquals("SERVICE_CANCELLED", last.get("kind"));
        assertEquals("bj-supervisor", last.get("actorId"));
        assertEquals(List.of("SHELL"), last.get("reasons"));
        assertTrue((Boolean) clients.get("/api/v1/bureau/filings/" + ApiClients.query(subject) + "/record/verify",
                "bj-reviewer").object().get("intact"));
    }

    @SuppressWarnings("unchecked")
    private List<String> cleanUp() {
        ApiClients.Response response = clients.post("/api/v1/bureau/shells/clean-up", "bj-supervisor", "");
        assertEquals(200, response.status(), response.body());
        return (List<String>) response.object().get("cancelled");
    }

    private List<Map<String, Object>> query(String q) {
        return clients.get("/api/v1/public/filings?q=" + ApiClients.query(q), null).list();
    }
}
