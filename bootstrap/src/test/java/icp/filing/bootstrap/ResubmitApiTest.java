package icp.filing.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import icp.filing.proto.provider.v1.Application;
import icp.filing.proto.provider.v1.ApplicationState;
import icp.filing.proto.provider.v1.ResubmitApplicationRequest;
import icp.filing.proto.provider.v1.SubmitApplicationRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Return → correct → resubmit → approve, with the whole history readable by the provider and the bureau. */
@MicronautTest(transactional = false)
class ResubmitApiTest extends ApiTestSupport {

    @Test
    void aReturnedApplicationIsCorrectedResubmittedAndApprovedWithItsHistory() {
        String label = TestFilings.uniqueLabel();
        SubmitApplicationRequest request = TestFilings.unitFiling("北京" + label + "有限公司", "wrong-" + label + ".cn");
        Application submitted = submit(request);
        ApiClients.Response returned = clients.post("/api/v1/bureau/applications/" + submitted.getId() + "/return",
                "bj-reviewer", "{\"reasons\":[\"DOMAIN_HOLDER_MISMATCH\"],\"comment\":\"域名不对\"}");
        assertEquals(200, returned.status(), returned.body());

        var corrected = request.getNewFiling().toBuilder();
        corrected.getServicesBuilder(0).setName("更正后的网站").getWebsiteBuilder().clearDomains()
                .clearDomainHolders().addDomains(label + ".cn");
        Application resubmitted = resubmit(ApiClients.DEMO_KEY, submitted.getId(),
                complete(SubmitApplicationRequest.newBuilder().setNewFiling(corrected).build()));
        assertEquals(submitted.getId(), resubmitted.getId());
        assertEquals(ApplicationState.APPLICATION_STATE_AWAITING_SMS_CONFIRMATION, resubmitted.getState(),
                "a resubmission is confirmed by SMS again");
        resubmitted = confirmSms(resubmitted);
        assertEquals(List.of("SUBMITTED", "AWAITING_SMS_CONFIRMATION", "IN_REVIEW", "RETURNED", "SUBMITTED",
                "AWAITING_SMS_CONFIRMATION", "IN_REVIEW"), resubmitted
                .getHistoryList().stream().map(t -> t.getToState().name().substring("APPLICATION_STATE_".length()))
                .toList());
        assertEquals("PROVIDER", resubmitted.getHistory(4).getActorKind());

        ApiClients.Response full = clients.get("/api/v1/bureau/applications/" + submitted.getId(), "bj-reviewer");
        assertTrue(full.body().contains("更正后的网站") && !full.body().contains("wrong-" + label), full.body());
        assertTrue(full.body().contains("域名不对"), "the bureau still reads its return");

        Map<String, Object> decision = approve(submitted.getId());
        assertTrue(((String) decision.get("subjectNumber")).startsWith("京ICP备"));
        List<Map<String, Object>> found = clients.get("/api/v1/public/filings?q=" + label + ".cn", null).list();
        assertEquals("更正后的网站", found.get(0).get("serviceName"));
        assertEquals(List.of(), clients.get("/api/v1/public/filings?q=wrong-" + label + ".cn", null).list());
    }

    @Test
    void onlyAReturnedApplicationOfTheCallerIsResubmitted() {
        String label = TestFilings.uniqueLabel();
        SubmitApplicationRequest request = complete(TestFilings.unitFiling("北京" + label + "有限公司", label + ".cn"));
        Application inReview = submit(request);
        StatusRuntimeException notReturned = assertThrows(StatusRuntimeException.class,
                () -> resubmit(ApiClients.DEMO_KEY, inReview.getId(), request));
        assertEquals(Status.Code.FAILED_PRECONDITION, notReturned.getStatus().getCode());
        assertEquals("APPLICATION_NOT_RETURNED", ProviderApiTest.errorInfo(notReturned).getReason());
        StatusRuntimeException other = assertThrows(StatusRuntimeException.class,
                () -> resubmit(ApiClients.OTHER_KEY, inReview.getId(), request));
        assertEquals(Status.Code.NOT_FOUND, other.getStatus().getCode());
    }

    private Application resubmit(String key, String id, SubmitApplicationRequest corrected) {
        return clients.provider(key).resubmitApplication(ResubmitApplicationRequest.newBuilder().setApplicationId(id)
                .setNewFiling(corrected.getNewFiling()).build()).getApplication();
    }
}
