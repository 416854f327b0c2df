package icp.filing.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import icp.filing.proto.provider.v1.Application;
import icp.filing.proto.provider.v1.ApplicationState;
import icp.filing.proto.provider.v1.GetApplicationRequest;
import icp.filing.proto.provider.v1.NewFiling;
import icp.filing.proto.provider.v1.SubmitApplicationRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The whole journey over real gRPC and HTTP against the embedded MariaDB. */
// the tests speak to the running servers; a test-wide transaction would only hold locks against them
@MicronautTest(transactional = false)
class FilingJourneyTest extends ApiTestSupport {

    @Test
    void submittedFilingIsQueuedApprovedNumberedAndFoundByThePublic() {
        String label = TestFilings.uniqueLabel();
        String domain = label + ".com.cn";
        String unitName = "北京" + label + "科技有限公司";
        var subject = TestFilings.unit(unitName, "110108");
        Application submitted = submit(SubmitApplicationRequest.newBuilder()
                .setNewFiling(NewFiling.newBuilder().setSubject(subject)
                        .addServices(TestFilings.website("示例网站", domain, "www." + domain))
                        .addServices(TestFilings.app("示例APP", "cn.example." + label)))
                .build());

        assertEquals(ApplicationState.APPLICATION_STATE_IN_REVIEW, submitted.getState());
        assertEquals("11", submitted.getProvinceCode());
        assertEquals(List.of("APPLICATION_STATE_SUBMITTED", "APPLICATION_STATE_AWAITING_SMS_CONFIRMATION",
                "APPLICATION_STATE_IN_REVIEW"), submitted.getHistoryList().stream().map(t -> t.getToState().name())
                .toList(), "queued once its principals confirmed by SMS");

        // the Beijing queue shows it, oldest first
        ApiClients.Response queue = clients.get("/api/v1/bureau/applications?state=IN_REVIEW&size=100", "bj-reviewer");
        assertEquals(200, queue.status(), queue.body());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) queue.object().get("items");
        assertTrue(items.stream().anyMatch(i -> i.get("id").equals(submitted.getId())), queue.body());
        List<String> queuedAt = items.stream().map(i -> (String) i.get("queuedAt")).toList();
        assertEquals(queuedAt.stream().sorted().toList(), queuedAt, "oldest first");

        // the reviewer sees it in full, personal data included
        ApiClients.Response full = clients.get("/api/v1/bureau/applications/" + submitted.getId(), "bj-reviewer");
        assertEquals(200, full.status(), full.body());
        assertTrue(full.body().contains(subject.getCertificateNumber()));

        Map<String, Object> decision = approve(submitted.getId());
        String subjectNumber = (String) decision.get("subjectNumber");
        assertTrue(subjectNumber.matches("京ICP备20\\d{8}号"), subjectNumber);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> numbered = (List<Map<String, Object>>) decision.get("services");
        assertEquals(List.of(subjectNumber + "-1", subjectNumber + "-2A"),
                numbered.stream().map(s -> s.get("serviceNumber")).toList());

        // the provider follows it to the end
        Application approved = clients.provider(ApiClients.DEMO_KEY)
                .getApplication(GetApplicationRequest.newBuilder().setApplicationId(submitted.getId()).build())
                .getApplication();
        assertEquals(ApplicationState.APPLICATION_STATE_APPROVED, approved.getState());
        assertEquals(subjectNumber, approved.getSubjectNumber());
        assertEquals(subjectNumber + "-2A", approved.getServices(1).getServiceNumber());
        assertEquals("bj-reviewer", approved.getHistory(3).getActorId());

        // public query: by domain, by subdomain, by subject number, by service number, by unit name, by type
        List<Map<String, Object>> byDomain = publicQuery(domain, null);
        assertEquals(1, byDomain.size());
        assertEquals(subjectNumber + "-1", byDomain.get(0).get("serviceNumber"));
        assertEquals(unitName, byDomain.get(0).get("subjectName"));
        assertEquals("企业", byDomain.get(0).get("natureName"));
        assertEquals(subjectNumber + "-1", publicQuery("www.shop." + domain, null).get(0).get("serviceNumber"));
        assertEquals(subjectNumber + "-1", publicQuery("https://WWW." + domain + "/index.html", null).get(0)
                .get("serviceNumber"));
        assertEquals(2, publicQuery(subjectNumber, null).size());
        assertEquals(List.of(subjectNumber + "-2A"),
                publicQuery(subjectNumber + "-2A", null).stream().map(e -> e.get("serviceNumber")).toList());
        assertEquals(2, publicQuery(unitName, null).size());
        assertEquals(List.of("APP"), publicQuery(subjectNumber, "APP").stream().map(e -> e.get("serviceKind")).toList());

        // and never shows personal data
        ApiClients.Response raw = clients.get("/api/v1/public/filings?q=" + ApiClients.query(subjectNumber), null);
        assertFalse(raw.body().contains(subject.getPrincipal().getPhone()), raw.body());
        assertFalse(raw.body().contains("principal@example.cn"), raw.body());
        assertFalse(raw.body().contains(subject.getCertificateNumber()), raw.body());
        assertFalse(raw.body().contains(subject.getPrincipal().getCertificateNumber()), raw.body());
    }

    @Test
    void anIndividualsNameIsMaskedAndCannotBeSearched() {
        String domain = TestFilings.uniqueLabel() + ".cn";
        Application submitted = submit(SubmitApplicationRequest.newBuilder()
                .setNewFiling(NewFiling.newBuilder().setSubject(TestFilings.person("欧阳小明"))
                        .addServices(TestFilings.website("小明的博客", domain)))
                .build());
        approve(submitted.getId());

        List<Map<String, Object>> found = publicQuery(domain, null);
        assertEquals(1, found.size());
        assertEquals("欧***", found.get(0).get("subjectName"));
        assertEquals("个人", found.get(0).get("natureName"));
        assertTrue(publicQuery("欧阳小明", null).isEmpty());
    }

    @Test
    void unknownQueriesAnswerWithAnEmptyList() {
        assertTrue(publicQuery("nobody-" + TestFilings.uniqueLabel() + ".com.cn", null).isEmpty());
        assertTrue(publicQuery("京ICP备1999999999号", null).isEmpty());
        assertTrue(publicQuery("不存在的单位", null).isEmpty());
    }

    @Test
    void healthAnswersWhenReady() {
        ApiClients.Response health = clients.get("/health", null);
        assertEquals(200, health.status());
        assertEquals("UP", health.object().get("status"));
    }

    private List<Map<String, Object>> publicQuery(String q, String type) {
        ApiClients.Response response = clients.get("/api/v1/public/filings?q=" + ApiClients.query(q)
                + (type == null ? "" : "&type=" + type), null);
        assertEquals(200, response.status(), response.body());
        return response.list();
    }
}
