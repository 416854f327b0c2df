package icp.filing.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import icp.filing.proto.provider.v1.Application;
import icp.filing.proto.provider.v1.ApplicationState;
import icp.filing.proto.provider.v1.GetApplicationRequest;
import icp.filing.proto.provider.v1.ListObjectionsRequest;
import icp.filing.proto.provider.v1.LodgeObjectionRequest;
import icp.filing.proto.provider.v1.Objection;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** 陈述申辩 over gRPC and HTTP: lodged by the provider, answered by the bureau; upheld, the decision is undone. */
@MicronautTest(transactional = false)
class ObjectionApiTest extends ApiTestSupport {

    private Objection lodge(LodgeObjectionRequest request) {
        return clients.provider(ApiClients.DEMO_KEY).lodgeObjection(request).getObjection();
    }

    private ApiClients.Response answer(String id, String user, boolean upheld, String comment) {
        return clients.post("/api/v1/bureau/objections/" + id + "/answer", user,
                "{\"upheld\":" + upheld + ",\"comment\":\"" + comment + "\"}");
    }

    /** An application in the Beijing queue, returned by the reviewer: an objection may be lodged against it. */
    private Application returnedApplication() {
        Application submitted = submit(TestFilings.unitFiling("北京" + TestFilings.uniqueLabel() + "有限公司",
                TestFilings.uniqueLabel() + ".cn"));
        assertEquals(200, clients.post("/api/v1/bureau/applications/" + submitted.getId() + "/return", "bj-reviewer",
                "{\"reasons\":[\"DOMAIN_HOLDER_MISMATCH\"]}").status());
        return submitted;
    }

    @Test
    void anUpheldObjectionPutsAReturnedApplicationBackInReview() {
        Application submitted = returnedApplication();

        Objection lodged = lodge(LodgeObjectionRequest.newBuilder().setApplicationId(submitted.getId())
                .setStatement("域名持有者就是本单位，附查询截图").build());
        assertEquals("OPEN", lodged.getState());
        StatusRuntimeException twice = assertThrows(StatusRuntimeException.class, () -> lodge(LodgeObjectionRequest
                .newBuilder().setApplicationId(submitted.getId()).setStatement("再说一次").build()));
        assertEquals(Status.Code.ALREADY_EXISTS, twice.getStatus().getCode());
        assertEquals("OBJECTION_OPEN", ProviderApiTest.errorInfo(twice).getReason());
        assertTrue(clients.get("/api/v1/bureau/objections", "bj-reviewer").body().contains(lodged.getId()));
        assertEquals(404, answer(lodged.getId(), "sh-reviewer", true, "x").status(), "another province's");

        ApiClients.Response upheld = answer(lodged.getId(), "bj-reviewer", true, "申辩成立，重新审核");
        assertEquals(200, upheld.status(), upheld.body());
        Application reopened = clients.provider(ApiClients.DEMO_KEY).getApplication(GetApplicationRequest
                .newBuilder().setApplicationId(submitted.getId()).build()).getApplication();
        assertEquals(ApplicationState.APPLICATION_STATE_IN_REVIEW, reopened.getState());
        assertEquals("申辩成立，重新审核", reopened.getHistory(reopened.getHistoryCount() - 1).getComment());
        approve(submitted.getId());
        assertEquals(409, answer(lodged.getId(), "bj-reviewer", false, "x").status(), "answered already");
        assertEquals("UPHELD", clients.provider(ApiClients.DEMO_KEY).listObjections(ListObjectionsRequest
                .getDefaultInstance()).getObjectionsList().stream().filter(o -> o.getId().equals(lodged.getId()))
                .findFirst().orElseThrow().getState());
    }

    @Test
    void aRevocationStandsWhenTheObjectionIsRejectedAndIsUndoneWhenUpheld() {
        String domain = TestFilings.uniqueLabel() + ".cn";
        Map<String, Object> decision = approve(submit(TestFilings.unitFiling("北京" + TestFilings.uniqueLabel()
                + "有限公司", domain)).getId());
        String subject = (String) decision.get("subjectNumber");
        assertEquals(200, clients.post("/api/v1/bureau/filings/" + ApiClients.query(subject) + "/revoke",
                "bj-supervisor", "{\"reasons\":[\"FALSE_INFORMATION\"]}").status());
        LodgeObjectionRequest request = LodgeObjectionRequest.newBuilder().setRevokedNumber(subject)
                .setStatement("信息真实，附营业执照").build();

        Objection first = lodge(request);
        assertEquals(403, answer(first.getId(), "bj-reviewer", true, "x").status(), "a supervisor answers these");
        assertEquals(200, answer(first.getId(), "bj-supervisor", false, "材料不足").status());
        assertEquals(List.of(), clients.get("/api/v1/public/filings?q=" + domain, null).list(), "it stands");

        Objection second = lodge(request);
        assertEquals(200, answer(second.getId(), "bj-supervisor", true, "补充材料后核实无误").status());
        assertEquals(subject, clients.get("/api/v1/public/filings?q=" + domain, null).list().get(0)
                .get("subjectNumber"), "filed again");
        Map<String, Object> filing = clients.get("/api/v1/bureau/filings/" + ApiClients.query(subject),
                "bj-reviewer").object();
        assertEquals("FILED", filing.get("state"));
        assertTrue(filing.toString().contains("SUBJECT_REINSTATED"));
        assertEquals(true, clients.get("/api/v1/bureau/filings/" + ApiClients.query(subject) + "/record/verify",
                "bj-reviewer").object().get("intact"));

        StatusRuntimeException nothing = assertThrows(StatusRuntimeException.class, () -> lodge(request));
        assertEquals("NOTHING_TO_OBJECT_TO", ProviderApiTest.errorInfo(nothing).getReason());
    }

    /** Two reviewers answering one objection at once: the later write loses, whatever it said. */
    @Test
    void aSecondAnswerWrittenOverTheFirstIsRefusedAsConcurrent() {
        Application submitted = returnedApplication();
        Objection lodged = lodge(LodgeObjectionRequest.newBuilder().setApplicationId(submitted.getId())
                .setStatement("并发答复").build());
        var objections = context.getBean(icp.filing.application.port.Objections.class);
        var transactions = context.getBean(icp.filing.application.port.Transactions.class);
        var beijing = icp.filing.domain.common.Province.BEIJING;
        var first = transactions.inTransaction(() -> objections.find(lodged.getId(), beijing).orElseThrow());
        var second = transactions.inTransaction(() -> objections.find(lodged.getId(), beijing).orElseThrow());
        var reviewer = icp.filing.domain.application.Actor.reviewer("bj-reviewer");
        first.reject(reviewer, "不成立", java.time.Instant.now());
        second.uphold(reviewer, "成立", java.time.Instant.now());
        transactions.inTransaction(() -> {
            objections.update(first);
            return null;
        });
        var lost = assertThrows(icp.filing.domain.error.ConcurrentUpdateException.class,
                () -> transactions.inTransaction(() -> {
                    objections.update(second);
                    return null;
                }));
        assertEquals(icp.filing.domain.error.Reason.CONCURRENT_UPDATE, lost.reason());
        assertEquals("REJECTED", clients.provider(ApiClients.DEMO_KEY).listObjections(ListObjectionsRequest
                .getDefaultInstance()).getObjectionsList().stream().filter(o -> o.getId().equals(lodged.getId()))
                .findFirst().orElseThrow().getState(), "the first answer stands");
    }
}
