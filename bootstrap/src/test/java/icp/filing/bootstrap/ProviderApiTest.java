package icp.filing.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import icp.filing.proto.provider.v1.Application;
import icp.filing.proto.provider.v1.ApplicationState;
import icp.filing.proto.provider.v1.GetApplicationRequest;
import icp.filing.proto.provider.v1.ListApplicationsRequest;
import icp.filing.proto.provider.v1.ListApplicationsResponse;
import icp.filing.proto.provider.v1.NewFiling;
import icp.filing.proto.provider.v1.SubmitApplicationRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.protobuf.StatusProto;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The provider API's refusals and guarantees, over a real gRPC channel. */
// the tests speak to the running servers; a test-wide transaction would only hold locks against them
@MicronautTest(transactional = false)
class ProviderApiTest extends ApiTestSupport {

    @Test
    void refusesCallsWithoutOrWithAnUnknownKey() {
        SubmitApplicationRequest request = TestFilings.unitFiling("无凭证公司", TestFilings.uniqueLabel() + ".cn");
        StatusRuntimeException none = assertThrows(StatusRuntimeException.class,
                () -> clients.anonymousProvider().submitApplication(request));
        assertEquals(Status.Code.UNAUTHENTICATED, none.getStatus().getCode());
        assertEquals("UNAUTHENTICATED", errorInfo(none).getReason());

        StatusRuntimeException wrong = assertThrows(StatusRuntimeException.class,
                () -> clients.provider("not-a-key").listApplications(ListApplicationsRequest.getDefaultInstance()));
        assertEquals(Status.Code.UNAUTHENTICATED, wrong.getStatus().getCode());
    }

    @Test
    void anotherProvidersApplicationIsNotFound() {
        Application mine = submit(TestFilings.unitFiling("跨接入商公司", TestFilings.uniqueLabel() + ".cn"));
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> clients.provider(ApiClients.OTHER_KEY)
                .getApplication(GetApplicationRequest.newBuilder().setApplicationId(mine.getId()).build()));
        assertEquals(Status.Code.NOT_FOUND, e.getStatus().getCode());
        assertEquals("APPLICATION_NOT_FOUND", errorInfo(e).getReason());
        ListApplicationsResponse others = clients.provider(ApiClients.OTHER_KEY)
                .listApplications(ListApplicationsRequest.newBuilder().setPageSize(100).build());
        assertTrue(others.getApplicationsList().stream().noneMatch(a -> a.getId().equals(mine.getId())));
    }

    @Test
    void aRepeatedRequestIdReturnsTheFirstResultAndCreatesNothing() {
        String requestId = "req-" + TestFilings.uniqueLabel();
        SubmitApplicationRequest request = TestFilings.unitFiling("幂等公司", TestFilings.uniqueLabel() + ".cn")
                .toBuilder().setRequestId(requestId).build();
        long before = countDemoApplications();
        Application first = submit(request);
        Application second = submit(request);
        // a changed body with the same id is a mistake, not a retry: refused, and nothing created
        StatusRuntimeException reused = assertThrows(StatusRuntimeException.class, () -> submit(request.toBuilder()
                .setNewFiling(TestFilings.unitFiling("别的公司", TestFilings.uniqueLabel() + ".cn").getNewFiling())
                .build()));

        assertEquals(first.getId(), second.getId());
        assertEquals("REQUEST_ID_REUSED", errorInfo(reused).getReason());
        assertEquals(requestId, first.getRequestId());
        assertEquals(before + 1, countDemoApplications());
    }

    @Test
    void listsOwnApplicationsByStateAndPage() {
        submit(TestFilings.unitFiling("分页公司甲", TestFilings.uniqueLabel() + ".cn"));
        submit(TestFilings.unitFiling("分页公司乙", TestFilings.uniqueLabel() + ".cn"));
        ListApplicationsResponse page = clients.provider(ApiClients.DEMO_KEY).listApplications(
                ListApplicationsRequest.newBuilder().setState(ApplicationState.APPLICATION_STATE_IN_REVIEW)
                        .setPageSize(1).build());
        assertEquals(1, page.getApplicationsCount());
        assertTrue(page.getTotal() >= 2);
        assertEquals(ApplicationState.APPLICATION_STATE_IN_REVIEW, page.getApplications(0).getState());

        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> clients.provider(ApiClients.DEMO_KEY)
                .listApplications(ListApplicationsRequest.newBuilder().setPageSize(101).build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        assertEquals("INVALID_PAGE", errorInfo(e).getReason());
    }

    @Test
    void badInputNamesEveryFieldAtFault() {
        SubmitApplicationRequest valid = TestFilings.unitFiling("坏输入公司", TestFilings.uniqueLabel() + ".cn");
        var subject = valid.getNewFiling().getSubject().toBuilder()
                .setCertificateNumber("91110108551385082A")
                .setPrincipal(valid.getNewFiling().getSubject().getPrincipal().toBuilder().setPhone("010-1234"));
        var website = valid.getNewFiling().getServices(0).toBuilder()
                .setWebsite(valid.getNewFiling().getServices(0).getWebsite().toBuilder().setDomains(1, "bad_domain.cn"));
        SubmitApplicationRequest bad = valid.toBuilder().setNewFiling(NewFiling.newBuilder()
                .setSubject(subject).addServices(website)).build();

        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> submit(bad));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        Map<String, String> violations = badRequest(e).getFieldViolationsList().stream()
                .collect(Collectors.toMap(BadRequest.FieldViolation::getField, BadRequest.FieldViolation::getReason));
        assertEquals(Map.of("new_filing.subject.certificate_number", "INVALID_CREDIT_CODE",
                "new_filing.subject.principal.phone", "INVALID_PHONE",
                "new_filing.services[0].website.domains[1]", "INVALID_DOMAIN"), violations);
        assertNotNull(errorInfo(e).getReason());
    }

    @Test
    void refusesExpiredCertificatesAndNamesThatDifferFromTheVerifiedOnes() {
        SubmitApplicationRequest valid = TestFilings.unitFiling("证件过期公司", TestFilings.uniqueLabel() + ".cn");
        var subject = valid.getNewFiling().getSubject().toBuilder()
                .setVerifiedName("证件过期有限公司")
                .setPrincipal(valid.getNewFiling().getSubject().getPrincipal().toBuilder()
                        .setCertificateValidUntil("2020-01-01"));
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> submit(valid.toBuilder()
                .setNewFiling(valid.getNewFiling().toBuilder().setSubject(subject)).build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        Map<String, String> violations = badRequest(e).getFieldViolationsList().stream()
                .collect(Collectors.toMap(BadRequest.FieldViolation::getField, BadRequest.FieldViolation::getReason));
        assertEquals(Map.of("new_filing.subject.name", "NAME_MISMATCH",
                "new_filing.subject.principal.certificate_valid_until", "CERTIFICATE_EXPIRED"), violations);
    }

    @Test
    void refusesAPrincipalBehindTooManySubjects() {
        var principal = TestFilings.principal("赵六");
        for (int i = 0; i < 3; i++) {
            SubmitApplicationRequest filing = TestFilings.unitFiling("代持公司" + i, TestFilings.uniqueLabel() + ".cn");
            submit(filing.toBuilder().setNewFiling(filing.getNewFiling().toBuilder().setSubject(
                    filing.getNewFiling().getSubject().toBuilder().setPrincipal(principal))).build());
        }
        SubmitApplicationRequest fourth = TestFilings.unitFiling("代持公司3", TestFilings.uniqueLabel() + ".cn");
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> submit(fourth.toBuilder()
                .setNewFiling(fourth.getNewFiling().toBuilder().setSubject(
                        fourth.getNewFiling().getSubject().toBuilder().setPrincipal(principal))).build()));
        assertEquals("PRINCIPAL_OVERUSED", errorInfo(e).getReason());
        assertEquals(List.of("new_filing.subject.principal.certificate_number", "new_filing.subject.principal.phone"),
                badRequest(e).getFieldViolationsList().stream().map(BadRequest.FieldViolation::getField).toList());
    }

    /**
     * What counts against a principal, as the register's query counts it: the applications of other subjects that
     * are open or approved — not withdrawn ones, and not the subject's own.
     */
    @Test
    void aPrincipalsWithdrawnApplicationsAndTheirOwnSubjectDoNotCount() {
        var principal = TestFilings.principal("孙八");
        List<Application> submitted = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            SubmitApplicationRequest filing = TestFilings.unitFiling("撤回代持公司" + i, TestFilings.uniqueLabel() + ".cn");
            submitted.add(submit(filing.toBuilder().setNewFiling(filing.getNewFiling().toBuilder().setSubject(
                    filing.getNewFiling().getSubject().toBuilder().setPrincipal(principal))).build()));
        }
        var applications = context.getBean(icp.filing.application.port.Applications.class);
        String own = applications.find(new icp.filing.domain.application.ApplicationId(submitted.get(0).getId()))
                .orElseThrow().subject().identityKey();
        assertEquals(new icp.filing.application.port.Applications.PrincipalUsage(2, 2),
                applications.principalUsage(principal.getCertificateNumber(), principal.getPhone(), own),
                "the two others, not the subject's own");
        clients.provider(ApiClients.DEMO_KEY).withdrawApplication(icp.filing.proto.provider.v1.WithdrawApplicationRequest
                .newBuilder().setApplicationId(submitted.get(1).getId()).build());
        assertEquals(new icp.filing.application.port.Applications.PrincipalUsage(1, 1),
                applications.principalUsage(principal.getCertificateNumber(), principal.getPhone(), own),
                "a withdrawn application no longer counts");
        assertEquals(new icp.filing.application.port.Applications.PrincipalUsage(2, 0),
                applications.principalUsage(principal.getCertificateNumber(), "00000000000", "UNIT:000000000"),
                "each usage counted on its own: the certificate's two subjects, a phone of nobody's");
    }

    @Test
    void refusesAPhoneBehindTooManySubjectsWhateverTheCertificates() {
        String phone = TestFilings.principal("钱七").getPhone();
        for (int i = 0; i < 4; i++) {
            // a person of their own each time (certificate), all on one phone; awaiting their SMS codes counts
            var principal = TestFilings.principal("钱七").toBuilder().setPhone(phone).build();
            SubmitApplicationRequest filing = TestFilings.unitFiling("共号公司" + i, TestFilings.uniqueLabel() + ".cn");
            SubmitApplicationRequest request = complete(filing.toBuilder().setNewFiling(filing.getNewFiling()
                    .toBuilder().setSubject(filing.getNewFiling().getSubject().toBuilder().setPrincipal(principal)))
                    .build());
            if (i < 3) {
                clients.provider(ApiClients.DEMO_KEY).submitApplication(request);
                continue;
            }
            StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
                    () -> clients.provider(ApiClients.DEMO_KEY).submitApplication(request));
            assertEquals("PRINCIPAL_OVERUSED", errorInfo(e).getReason());
            assertEquals(List.of("new_filing.subject.principal.phone"), badRequest(e).getFieldViolationsList()
                    .stream().map(BadRequest.FieldViolation::getField).toList(), "the phone only");
        }
        // the codes sent to the shared phone are not for the next test to confirm
        RecordingSmsCentre.settle(context, icp.filing.application.port.OutboxMessage.Channel.SMS);
        phones().codes();
    }

    @Test
    void refusesANewFilingWithoutServicesOrSubject() {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
                () -> submit(SubmitApplicationRequest.newBuilder().setNewFiling(NewFiling.getDefaultInstance()).build()));
        List<String> fields = badRequest(e).getFieldViolationsList().stream().map(BadRequest.FieldViolation::getField)
                .toList();
        assertEquals(List.of("new_filing.subject", "new_filing.services"), fields);
    }

    @Test
    void refusesADomainAnotherSubjectAlreadyFiled() {
        String domain = TestFilings.uniqueLabel() + ".com.cn";
        approve(submit(TestFilings.unitFiling("先备案公司", domain)).getId());

        StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
                () -> submit(TestFilings.unitFiling("后来公司", "blog." + domain)));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        assertEquals("DOMAIN_ALREADY_FILED", badRequest(e).getFieldViolations(0).getReason());
        // the refusal does not reveal who holds it
        assertTrue(!e.getStatus().getDescription().contains("先备案公司"));
    }

    @Test
    void refusesASecondOpenApplicationForTheSameSubject() {
        SubmitApplicationRequest first = TestFilings.unitFiling("重复主体公司", TestFilings.uniqueLabel() + ".cn");
        submit(first);
        SubmitApplicationRequest again = first.toBuilder().setNewFiling(first.getNewFiling().toBuilder()
                .setServices(0, TestFilings.website("另一个网站", TestFilings.uniqueLabel() + ".cn"))).build();
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> submit(again));
        assertEquals(Status.Code.ALREADY_EXISTS, e.getStatus().getCode());
        assertEquals("OPEN_APPLICATION_EXISTS", errorInfo(e).getReason());
    }

    @Test
    void refusesAnAppAnotherSubjectAlreadyFiled() {
        String packageName = "cn.example." + TestFilings.uniqueLabel();
        SubmitApplicationRequest first = SubmitApplicationRequest.newBuilder().setNewFiling(NewFiling.newBuilder()
                .setSubject(TestFilings.unit("APP先备案公司", "110108"))
                .addServices(TestFilings.app("先来的APP", packageName))).build();
        approve(submit(first).getId());

        SubmitApplicationRequest second = SubmitApplicationRequest.newBuilder().setNewFiling(NewFiling.newBuilder()
                .setSubject(TestFilings.unit("APP后来公司", "110108"))
                .addServices(TestFilings.app("同包名APP", packageName))).build();
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> submit(second));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        BadRequest.FieldViolation violation = badRequest(e).getFieldViolations(0);
        assertEquals("new_filing.services[0].app.package_name", violation.getField());
        assertEquals("APP_ALREADY_FILED", violation.getReason());
    }

    @Test
    void serverReflectionListsTheProviderService() throws Exception {
        var responses = new java.util.concurrent.LinkedBlockingQueue<io.grpc.reflection.v1.ServerReflectionResponse>();
        var requests = io.grpc.reflection.v1.ServerReflectionGrpc.newStub(clients.channel()).serverReflectionInfo(
                new io.grpc.stub.StreamObserver<>() {
                    @Override
                    public void onNext(io.grpc.reflection.v1.ServerReflectionResponse value) {
                        responses.add(value);
                    }

                    @Override
                    public void onError(Throwable t) {
                    }

                    @Override
                    public void onCompleted() {
                    }
                });
        requests.onNext(io.grpc.reflection.v1.ServerReflectionRequest.newBuilder().setListServices("").build());
        var answer = responses.poll(10, java.util.concurrent.TimeUnit.SECONDS);
        requests.onCompleted();
        assertNotNull(answer, "no reflection answer");
        List<String> services = answer.getListServicesResponse().getServiceList().stream()
                .map(io.grpc.reflection.v1.ServiceResponse::getName).toList();
        assertTrue(services.contains("icp.provider.v1.ProviderFilingService"), services.toString());
        assertTrue(services.contains("grpc.health.v1.Health"), services.toString());
    }

    @Test
    void standardHealthServiceAnswersWithoutAKey() {
        HealthCheckResponse health = HealthGrpc.newBlockingStub(clients.channel())
                .check(HealthCheckRequest.getDefaultInstance());
        assertEquals(HealthCheckResponse.ServingStatus.SERVING, health.getStatus());
    }

    private long countDemoApplications() {
        return clients.provider(ApiClients.DEMO_KEY).listApplications(ListApplicationsRequest.getDefaultInstance())
                .getTotal();
    }

    static ErrorInfo errorInfo(StatusRuntimeException e) {
        return detail(e, ErrorInfo.class);
    }

    static BadRequest badRequest(StatusRuntimeException e) {
        return detail(e, BadRequest.class);
    }

    private static <T extends com.google.protobuf.Message> T detail(StatusRuntimeException e, Class<T> type) {
        com.google.rpc.Status status = StatusProto.fromThrowable(e);
        assertNotNull(status, "no google.rpc.Status in " + e);
        try {
            for (var any : status.getDetailsList()) {
                if (any.is(type)) {
                    return any.unpack(type);
                }
            }
        } catch (com.google.protobuf.InvalidProtocolBufferException ex) {
            throw new AssertionError(ex);
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + status);
    }
}
