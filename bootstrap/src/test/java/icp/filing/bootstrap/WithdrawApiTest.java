package icp.filing.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import icp.filing.proto.provider.v1.Application;
import icp.filing.proto.provider.v1.ApplicationState;
import icp.filing.proto.provider.v1.SubmitApplicationRequest;
import icp.filing.proto.provider.v1.WithdrawApplicationRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** 撤回 over the wire: before the bureau decides, by the provider that submitted, recorded, and the subject freed. */
@MicronautTest(transactional = false)
class WithdrawApiTest extends ApiTestSupport {

    @Test
    void aWithdrawnApplicationLeavesTheQueueKeepsItsHistoryAndFreesTheSubject() {
        String label = TestFilings.uniqueLabel();
        SubmitApplicationRequest request = TestFilings.unitFiling("北京" + label + "有限公司", label + ".cn");
        Application submitted = submit(request);

        Application withdrawn = withdraw(ApiClients.DEMO_KEY, submitted.getId(), "客户暂不备案");
        assertEquals(ApplicationState.APPLICATION_STATE_WITHDRAWN, withdrawn.getState());
        var last = withdrawn.getHistory(withdrawn.getHistoryCount() - 1);
        assertEquals("PROVIDER", last.getActorKind());
        assertEquals("客户暂不备案", last.getComment());

        ApiClients.Response queue = clients.get("/api/v1/bureau/applications?state=IN_REVIEW&size=100", "bj-reviewer");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) queue.object().get("items");
        assertTrue(items.stream().noneMatch(i -> submitted.getId().equals(i.get("id"))), "gone from the queue");
        ApiClients.Response approve = clients.post("/api/v1/bureau/applications/" + submitted.getId() + "/approve",
                "bj-reviewer", "");
        assertEquals(409, approve.status());
        assertEquals("APPLICATION_NOT_IN_REVIEW", approve.object().get("reason"));

        // the same subject may be submitted again at once
        assertEquals(ApplicationState.APPLICATION_STATE_IN_REVIEW, submit(request).getState());
    }

    @Test
    void onlyTheSubmittingProviderWithdrawsAndOnlyBeforeTheDecision() {
        String label = TestFilings.uniqueLabel();
        Application submitted = submit(TestFilings.unitFiling("北京" + label + "有限公司", label + ".cn"));

        StatusRuntimeException tooLong = assertThrows(StatusRuntimeException.class,
                () -> withdraw(ApiClients.DEMO_KEY, submitted.getId(), "理".repeat(501)));
        assertEquals("comment", ProviderApiTest.badRequest(tooLong).getFieldViolations(0).getField());
        assertEquals("TOO_LONG", ProviderApiTest.badRequest(tooLong).getFieldViolations(0).getReason());

        StatusRuntimeException other = assertThrows(StatusRuntimeException.class,
                () -> withdraw(ApiClients.OTHER_KEY, submitted.getId(), null));
        assertEquals(Status.Code.NOT_FOUND, other.getStatus().getCode());

        approve(submitted.getId());
        StatusRuntimeException decided = assertThrows(StatusRuntimeException.class,
                () -> withdraw(ApiClients.DEMO_KEY, submitted.getId(), null));
        assertEquals(Status.Code.FAILED_PRECONDITION, decided.getStatus().getCode());
        assertEquals("APPLICATION_ALREADY_DECIDED", ProviderApiTest.errorInfo(decided).getReason());
    }

    /**
     * A write held to the end of the transaction is sent before a page is read through Micronaut Data's repository in
     * that same transaction: the page shows the application as the transaction left it.
     */
    @Test
    void aPageReadInTheTransactionSeesTheUpdateHeldBeforeIt() {
        String label = TestFilings.uniqueLabel();
        Application submitted = submit(TestFilings.unitFiling("北京" + label + "有限公司", label + ".cn"));
        var applications = context.getBean(icp.filing.application.port.Applications.class);
        var id = new icp.filing.domain.application.ApplicationId(submitted.getId());
        var provider = applications.find(id).orElseThrow().provider();
        List<String> withdrawnInPage = context.getBean(icp.filing.application.port.Transactions.class)
                .inTransaction(() -> {
                    var application = applications.find(id).orElseThrow();
                    application.withdraw(icp.filing.domain.application.Actor.provider(provider),
                            java.time.Instant.now(), null);
                    applications.update(application);
                    return applications.listByProvider(provider,
                            java.util.Optional.of(icp.filing.domain.application.ApplicationState.WITHDRAWN),
                            new icp.filing.application.port.PageRequest(0, 100)).items().stream()
                            .map(a -> a.id().value()).toList();
                });
        assertTrue(withdrawnInPage.contains(submitted.getId()), "the held update was sent before the page");
    }

    private Application withdraw(String key, String id, String comment) {
        WithdrawApplicationRequest.Builder request = WithdrawApplicationRequest.newBuilder().setApplicationId(id);
        if (comment != null) {
            request.setComment(comment);
        }
        return clients.provider(key).withdrawApplication(request.build()).getApplication();
    }
}
