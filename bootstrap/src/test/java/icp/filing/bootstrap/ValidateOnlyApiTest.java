package icp.filing.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import icp.filing.proto.provider.v1.Application;
import icp.filing.proto.provider.v1.ApplicationState;
import icp.filing.proto.provider.v1.ListApplicationsRequest;
import icp.filing.proto.provider.v1.SubmitApplicationRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

/** validate_only (AIP-163): every rule answers, nothing is stored, the request id stays unused. */
@MicronautTest(transactional = false)
class ValidateOnlyApiTest extends ApiTestSupport {

    @Test
    void aValidRequestIsCheckedWholeAndNothingIsStored() {
        String label = TestFilings.uniqueLabel();
        SubmitApplicationRequest request = complete(TestFilings.unitFiling("北京" + label + "有限公司", label + ".cn")
                .toBuilder().setRequestId("check-" + label).build());
        long before = count();

        Application wouldBe = clients.provider(ApiClients.DEMO_KEY)
                .submitApplication(request.toBuilder().setValidateOnly(true).build()).getApplication();
        assertEquals("", wouldBe.getId());
        assertEquals(ApplicationState.APPLICATION_STATE_AWAITING_SMS_CONFIRMATION, wouldBe.getState(),
                "as it would be: waiting for its principals (no SMS is sent)");
        assertEquals("11", wouldBe.getProvinceCode());
        assertEquals(before, count(), "nothing stored");

        // the request id was not consumed, and the subject holds no open application
        Application real = submit(request);
        assertNotEquals("", real.getId());
        assertEquals(before + 1, count());
    }

    @Test
    void everyViolationIsAnsweredIncludingThoseTheDatabaseHolds() {
        String label = TestFilings.uniqueLabel();
        SubmitApplicationRequest request = TestFilings.unitFiling("北京" + label + "有限公司", label + ".cn");
        SubmitApplicationRequest.Builder bad = complete(request).toBuilder().setValidateOnly(true);
        bad.getNewFilingBuilder().getSubjectBuilder().getPrincipalBuilder().setPhone("12345");
        StatusRuntimeException invalid = assertThrows(StatusRuntimeException.class,
                () -> clients.provider(ApiClients.DEMO_KEY).submitApplication(bad.build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, invalid.getStatus().getCode());
        assertEquals("new_filing.subject.principal.phone",
                ProviderApiTest.badRequest(invalid).getFieldViolations(0).getField());

        submit(request);
        StatusRuntimeException open = assertThrows(StatusRuntimeException.class, () -> clients
                .provider(ApiClients.DEMO_KEY).submitApplication(complete(request).toBuilder()
                        .setValidateOnly(true).build()));
        assertEquals(Status.Code.ALREADY_EXISTS, open.getStatus().getCode());
        assertEquals("OPEN_APPLICATION_EXISTS", ProviderApiTest.errorInfo(open).getReason());
    }

    private long count() {
        return clients.provider(ApiClients.DEMO_KEY).listApplications(ListApplicationsRequest.newBuilder()
                .setPageSize(1).build()).getTotal();
    }
}
