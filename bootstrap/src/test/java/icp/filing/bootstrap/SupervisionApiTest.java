package icp.filing.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import icp.filing.proto.provider.v1.FilingState;
import icp.filing.proto.provider.v1.GetFilingRequest;
import icp.filing.proto.provider.v1.NewFiling;
import icp.filing.proto.provider.v1.SubmitApplicationRequest;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** 监管 over HTTP: the province's filings with their record; revocation by supervisors only, with coded reasons. */
@MicronautTest(transactional = false)
class SupervisionApiTest extends ApiTestSupport {

    private String fileTwoWebsites(String first, String second) {
        Map<String, Object> decision = approve(submit(SubmitApplicationRequest.newBuilder().setNewFiling(NewFiling
                .newBuilder().setSubject(TestFilings.unit("北京" + TestFilings.uniqueLabel() + "有限公司", "110108"))
                .addServices(TestFilings.website("第一个网站", first))
                .addServices(TestFilings.website("第二个网站", second))).build()).getId());
        return (String) decision.get("subjectNumber");
    }

    private List<Map<String, Object>> query(String q) {
        return clients.get("/api/v1/public/filings?q=" + ApiClients.query(q), null).list();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> view, String key) {
        return (List<Map<String, Object>>) view.get(key);
    }

    @Test
    void aSupervisorRevokesAServiceThenTheFilingAndEveryStepIsOnRecord() {
        String first = TestFilings.uniqueLabel() + ".cn";
        String second = TestFilings.uniqueLabel() + ".cn";
        String subject = fileTwoWebsites(first, second);
        String service = subject + "-1";

        ApiClients.Response byReviewer = clients.post("/api/v1/bureau/filings/" + ApiClients.query(service)
                + "/revoke", "bj-reviewer", "{\"reasons\":[\"SPREADS_RUMOURS\"]}");
        assertEquals(403, byReviewer.status(), "a reviewer may not revoke");

        ApiClients.Response revoked = clients.post("/api/v1/bureau/filings/" + ApiClients.query(service) + "/revoke",
                "bj-supervisor", "{\"reasons\":[\"SPREADS_RUMOURS\"],\"comment\":\"散布谣言，依法撤销\"}");
        assertEquals(200, revoked.status(), revoked.body());
        assertEquals(List.of(), query(first), "a revoked service leaves the public query");
        assertEquals(1, query(second).size());
        var seen = clients.provider(ApiClients.DEMO_KEY).getFiling(GetFilingRequest.newBuilder()
                .setSubjectNumber(subject).build()).getFiling();
        assertEquals(FilingState.FILING_STATE_REVOKED, seen.getServices(0).getState(),
                "the hosting provider sees the revocation");
        var revocation = seen.getRecord(seen.getRecordCount() - 1);
        assertEquals("SERVICE_REVOKED", revocation.getKind());
        assertEquals(List.of("SPREADS_RUMOURS"), revocation.getReasonsList());
        assertEquals("BUREAU_SUPERVISOR:bj-supervisor", revocation.getBureauActor());
        assertTrue(seen.getRecord(0).getByCaller(), "it filed the subject itself");

        ApiClients.Response again = clients.post("/api/v1/bureau/filings/" + ApiClients.query(service) + "/revoke",
                "bj-supervisor", "{\"reasons\":[\"SHELL\"]}");
        assertEquals(409, again.status());
        assertEquals("SERVICE_NOT_FILED", again.object().get("reason"));

        assertEquals(200, clients.post("/api/v1/bureau/filings/" + ApiClients.query(subject) + "/revoke",
                "bj-supervisor", "{\"reasons\":[\"FALSE_INFORMATION\"]}").status());
        assertEquals(List.of(), query(subject));

        Map<String, Object> filing = clients.get("/api/v1/bureau/filings/" + ApiClients.query(subject),
                "bj-reviewer").object();
        assertEquals("REVOKED", filing.get("state"));
        List<Map<String, Object>> record = list(filing, "record");
        assertEquals(List.of("FILED", "SERVICE_ADDED", "SERVICE_ADDED", "SERVICE_REVOKED", "SERVICE_REVOKED",
                "SUBJECT_REVOKED"), record.stream().map(e -> e.get("kind")).toList());
        Map<String, Object> firstRevocation = record.get(3);
        assertEquals("BUREAU_SUPERVISOR", firstRevocation.get("actorKind"));
        assertEquals("bj-supervisor", firstRevocation.get("actorId"));
        assertEquals(List.of("SPREADS_RUMOURS"), firstRevocation.get("reasons"));
        assertEquals("散布谣言，依法撤销", firstRevocation.get("comment"), "as the supervisor wrote it");
        assertEquals("demo-cloud", record.get(0).get("providerId"));
        for (Map<String, Object> approved : record.subList(0, 3)) {
            assertEquals("BUREAU_REVIEWER", approved.get("actorKind"), approved.get("kind") + " names who approved it");
            assertEquals("bj-reviewer", approved.get("actorId"));
        }
    }

    @Test
    void reasonsAreCodedAndRequiredAndOtherProvincesFindNothing() {
        String subject = fileTwoWebsites(TestFilings.uniqueLabel() + ".cn", TestFilings.uniqueLabel() + ".cn");
        String path = "/api/v1/bureau/filings/" + ApiClients.query(subject);

        ApiClients.Response unknown = clients.post(path + "/revoke", "bj-supervisor", "{\"reasons\":[\"BORED\"]}");
        assertEquals(400, unknown.status());
        assertTrue(unknown.body().contains("reasons[0]") && unknown.body().contains("UNKNOWN_CODE"), unknown.body());
        ApiClients.Response none = clients.post(path + "/revoke", "bj-supervisor", "{\"reasons\":[]}");
        assertEquals(400, none.status());
        assertEquals(404, clients.get(path, "sh-reviewer").status());
        assertEquals(400, clients.get("/api/v1/bureau/filings/not-a-number", "bj-reviewer").status());
        assertEquals("FILED", clients.get(path, "bj-reviewer").object().get("state"));
    }

    @Inject
    DataSource dataSource;

    @Test
    void aRecordChangedBehindTheSystemsBackIsReportedByVerify() throws Exception {
        String subject = fileTwoWebsites(TestFilings.uniqueLabel() + ".cn", TestFilings.uniqueLabel() + ".cn");
        assertEquals(200, clients.post("/api/v1/bureau/filings/" + ApiClients.query(subject + "-2") + "/revoke",
                "bj-supervisor", "{\"reasons\":[\"SHELL\"],\"comment\":\"无接入\"}").status());
        String verify = "/api/v1/bureau/filings/" + ApiClients.query(subject) + "/record/verify";
        Map<String, Object> intact = clients.get(verify, "bj-reviewer").object();
        assertEquals(true, intact.get("intact"));
        assertEquals(4, intact.get("entries"));

        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement tamper = c.prepareStatement("UPDATE filing_event SET comment = '有接入' "
                     + "WHERE subject_number = ? AND kind = 'SERVICE_REVOKED'")) {
            tamper.setString(1, subject);
            assertEquals(1, tamper.executeUpdate());
        }

        Map<String, Object> broken = clients.get(verify, "bj-reviewer").object();
        assertEquals(false, broken.get("intact"));
        assertEquals(3, broken.get("firstBroken"), "the fourth entry, the revocation, was changed");
    }

    @Test
    void anApplicationsHistoryChangedBehindTheSystemsBackIsReportedToo() throws Exception {
        var submitted = submit(TestFilings.unitFiling("北京" + TestFilings.uniqueLabel() + "有限公司",
                TestFilings.uniqueLabel() + ".cn"));
        assertEquals(200, clients.post("/api/v1/bureau/applications/" + submitted.getId() + "/return", "bj-reviewer",
                "{\"reasons\":[\"OTHER\"],\"comment\":\"材料模糊\"}").status());
        String verify = "/api/v1/bureau/applications/" + submitted.getId() + "/history/verify";
        assertEquals(Map.of("intact", true, "entries", 4), clients.get(verify, "bj-reviewer").object());

        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement tamper = c.prepareStatement("UPDATE application_transition SET reasons = NULL "
                     + "WHERE application_id = ? AND to_state = 'RETURNED'")) {
            tamper.setString(1, submitted.getId());
            assertEquals(1, tamper.executeUpdate());
        }
        Map<String, Object> broken = clients.get(verify, "bj-reviewer").object();
        assertEquals(false, broken.get("intact"));
        assertEquals(3, broken.get("firstBroken"));
        assertEquals(404, clients.get(verify, "sh-reviewer").status());
    }
}
