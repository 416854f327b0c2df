package icp.filing.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import icp.filing.proto.provider.v1.Application;
import icp.filing.proto.provider.v1.ApplicationState;
import icp.filing.proto.provider.v1.GetApplicationRequest;
import icp.filing.proto.provider.v1.NewFiling;
import icp.filing.proto.provider.v1.SubmitApplicationRequest;
import icp.filing.proto.provider.v1.ReturnReason;
import icp.filing.proto.provider.v1.Transition;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The bureau API: authentication, province boundaries, returns, and approvals racing each other. */
// the tests speak to the running servers; a test-wide transaction would only hold locks against them
@MicronautTest(transactional = false)
class BureauReviewTest extends ApiTestSupport {
    @Inject
    DataSource dataSource;

    private Application submitted(String name) {
        return submit(TestFilings.unitFiling(name, TestFilings.uniqueLabel() + ".com.cn"));
    }

    @Test
    void returnsWithCodedReasonsThatTheProviderSees() {
        Application application = submitted("退回公司");
        ApiClients.Response response = clients.post("/api/v1/bureau/applications/" + application.getId() + "/return",
                "bj-reviewer", "{\"reasons\":[\"DOMAIN_HOLDER_MISMATCH\",\"unacceptable_service_name\"],"
                        + "\"comment\":\"域名持有者与主办单位不一致\"}");
        assertEquals(200, response.status(), response.body());
        assertEquals("RETURNED", response.object().get("state"));

        Application seen = clients.provider(ApiClients.DEMO_KEY).getApplication(GetApplicationRequest.newBuilder()
                .setApplicationId(application.getId()).build()).getApplication();
        assertEquals(ApplicationState.APPLICATION_STATE_RETURNED, seen.getState());
        Transition last = seen.getHistory(seen.getHistoryCount() - 1);
        assertEquals(List.of(ReturnReason.RETURN_REASON_DOMAIN_HOLDER_MISMATCH,
                ReturnReason.RETURN_REASON_UNACCEPTABLE_SERVICE_NAME), last.getReasonsList());
        assertEquals("域名持有者与主办单位不一致", last.getComment());
        assertEquals("bj-reviewer", last.getActorId());
    }

    @Test
    void refusesAReturnWithoutReasonsOrWithAnUnknownReason() {
        Application application = submitted("退回校验公司");
        String path = "/api/v1/bureau/applications/" + application.getId() + "/return";

        ApiClients.Response none = clients.post(path, "bj-reviewer", "{\"reasons\":[],\"comment\":\"x\"}");
        assertEquals(400, none.status());
        assertTrue(none.contentType().startsWith("application/problem+json"), none.contentType());
        assertEquals("RETURN_REASON_REQUIRED", none.object().get("reason"));

        ApiClients.Response unknown = clients.post(path, "bj-reviewer", "{\"reasons\":[\"BECAUSE\"]}");
        assertEquals(400, unknown.status());
        assertEquals("UNKNOWN_CODE", unknown.object().get("reason"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> violations = (List<Map<String, Object>>) unknown.object().get("violations");
        assertEquals("reasons[0]", violations.get(0).get("field"));

        ApiClients.Response broken = clients.post(path, "bj-reviewer", "{not json");
        assertEquals(400, broken.status());
        assertTrue(broken.contentType().startsWith("application/problem+json"), broken.contentType());
        assertEquals("MALFORMED_REQUEST", broken.object().get("reason"));
        // still in review: nothing was half-done
        assertEquals("IN_REVIEW", clients.get("/api/v1/bureau/applications/" + application.getId(), "bj-reviewer")
                .object().get("state"));
    }

    @Test
    void demandsCredentials() {
        ApiClients.Response none = clients.get("/api/v1/bureau/applications", null);
        assertEquals(401, none.status());
        assertEquals("UNAUTHENTICATED", none.object().get("reason"));
        assertEquals(401, clients.get("/api/v1/bureau/applications", "bj-reviewer:wrong-password").status());
        assertEquals(401, clients.get("/api/v1/bureau/applications", "nobody:bureau-demo").status());
    }

    @Test
    void aReviewerSeesAndDecidesOnlyTheirOwnProvince() {
        Application beijing = submitted("北京跨省公司");
        String path = "/api/v1/bureau/applications/" + beijing.getId();
        assertEquals(404, clients.get(path, "sh-reviewer").status());
        assertEquals(404, clients.post(path + "/approve", "sh-reviewer", "").status());
        assertEquals(404, clients.post(path + "/return", "sh-reviewer", "{\"reasons\":[\"OTHER\"]}").status());

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> shanghaiQueue = (List<Map<String, Object>>) clients
                .get("/api/v1/bureau/applications?size=100", "sh-reviewer").object().get("items");
        assertTrue(shanghaiQueue.stream().noneMatch(i -> i.get("id").equals(beijing.getId())));
        assertEquals("IN_REVIEW", clients.get(path, "bj-reviewer").object().get("state"));
    }

    @Test
    void decidingTwiceIsAConflict() {
        Application application = submitted("二次审核公司");
        approve(application.getId());
        ApiClients.Response again = clients.post("/api/v1/bureau/applications/" + application.getId() + "/return",
                "bj-reviewer", "{\"reasons\":[\"OTHER\"]}");
        assertEquals(409, again.status());
        assertEquals("APPLICATION_NOT_IN_REVIEW", again.object().get("reason"));
    }

    @Test
    void theRegisterRefusesASecondOwnerOfADomainAtApprovalAndKeepsNothingOfIt() {
        String domain = TestFilings.uniqueLabel() + ".com.cn";
        // both pass submission: neither is filed yet
        Application first = submit(TestFilings.unitFiling("抢注甲公司", domain));
        Application second = submit(TestFilings.unitFiling("抢注乙公司", "m." + domain));
        String winner = (String) approve(first.getId()).get("subjectNumber");

        ApiClients.Response refused = clients.post("/api/v1/bureau/applications/" + second.getId() + "/approve",
                "bj-reviewer", "");
        assertEquals(409, refused.status(), refused.body());
        assertEquals("DOMAIN_ALREADY_FILED", refused.object().get("reason"));

        // the losing approval left nothing: still in review, no number, nothing published under its name
        Map<String, Object> stillQueued = clients.get("/api/v1/bureau/applications/" + second.getId(), "bj-reviewer")
                .object();
        assertEquals("IN_REVIEW", stillQueued.get("state"));
        assertEquals(null, stillQueued.get("subjectNumber"));
        assertTrue(clients.get("/api/v1/public/filings?q=" + ApiClients.query("抢注乙公司"), null).list().isEmpty());
        // and the next approval in the province takes the very next serial: the refused one burnt none
        String next = (String) approve(submitted("连号公司").getId()).get("subjectNumber");
        assertEquals(serial(winner) + 1, serial(next));
    }

    @Test
    void whenAProvincesSerialsAreUsedUpApprovalIsRefusedAndNothingChanges() throws Exception {
        Application tibet = submit(SubmitApplicationRequest.newBuilder().setNewFiling(NewFiling.newBuilder()
                .setSubject(TestFilings.unit("西藏示例科技有限公司", "540102"))
                .addServices(TestFilings.website("西藏示例", TestFilings.uniqueLabel() + ".cn"))).build());
        int year = ZonedDateTime.now(ZoneId.of("Asia/Shanghai")).getYear();
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            connection.createStatement().executeUpdate("INSERT INTO filing_number_sequence VALUES ('54', " + year
                    + ", 999999) ON DUPLICATE KEY UPDATE last_serial = 999999");
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
        ApiClients.Response refused = clients.post("/api/v1/bureau/applications/" + tibet.getId() + "/approve",
                "xz-reviewer", "");
        assertEquals(409, refused.status(), refused.body());
        assertEquals("SERIAL_EXHAUSTED", refused.object().get("reason"));
        assertEquals("IN_REVIEW", clients.get("/api/v1/bureau/applications/" + tibet.getId(), "xz-reviewer")
                .object().get("state"));
    }

    private static int serial(String subjectNumber) {
        return Integer.parseInt(subjectNumber.substring(subjectNumber.length() - 7, subjectNumber.length() - 1));
    }

    @Test
    void concurrentApprovalsNeverShareANumber() throws Exception {
        int count = 24;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(submitted("并发公司" + i).getId());
        }
        List<Callable<ApiClients.Response>> approvals = ids.stream().<Callable<ApiClients.Response>>map(id ->
                () -> clients.post("/api/v1/bureau/applications/" + id + "/approve", "bj-reviewer", "")).toList();
        List<String> numbers = new ArrayList<>();
        for (ApiClients.Response response : runAllAtOnce(approvals)) {
            assertEquals(200, response.status(), response.body());
            numbers.add((String) response.object().get("subjectNumber"));
        }
        assertEquals(count, new HashSet<>(numbers).size(), "duplicate subject numbers: " + numbers);
    }

    @Test
    void twoReviewersApprovingAtOnceGetOneWinnerAndOneConflict() throws Exception {
        for (int round = 0; round < 5; round++) {
            Application application = submitted("同时审核公司" + round);
            String path = "/api/v1/bureau/applications/" + application.getId() + "/approve";
            List<ApiClients.Response> results = runAllAtOnce(List.of(
                    () -> clients.post(path, "bj-reviewer", ""), () -> clients.post(path, "bj-reviewer-2", "")));
            List<Integer> statuses = results.stream().map(ApiClients.Response::status).sorted().toList();
            assertEquals(List.of(200, 409), statuses, results.toString());

            Application seen = clients.provider(ApiClients.DEMO_KEY).getApplication(GetApplicationRequest.newBuilder()
                    .setApplicationId(application.getId()).build()).getApplication();
            assertEquals(1, seen.getHistoryList().stream()
                    .filter(t -> t.getToState() == ApplicationState.APPLICATION_STATE_APPROVED).count());
            String winner = (String) results.stream().filter(r -> r.status() == 200).findFirst().orElseThrow()
                    .object().get("subjectNumber");
            assertEquals(winner, seen.getSubjectNumber());
            ApiClients.Response published = clients.get("/api/v1/public/filings?q=" + ApiClients.query(winner), null);
            assertEquals(1, published.list().size());
        }
    }

    private static <T> List<T> runAllAtOnce(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<T>> futures = pool.invokeAll(tasks);
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
