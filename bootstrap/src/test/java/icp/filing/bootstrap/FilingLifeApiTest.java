package icp.filing.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import icp.filing.proto.provider.v1.AddAccess;
import icp.filing.proto.provider.v1.AddServices;
import icp.filing.proto.provider.v1.Application;
import icp.filing.proto.provider.v1.ApplicationState;
import icp.filing.proto.provider.v1.CancelAccessRequest;
import icp.filing.proto.provider.v1.CancelService;
import icp.filing.proto.provider.v1.CancelSubject;
import icp.filing.proto.provider.v1.ChangeAccessRequest;
import icp.filing.proto.provider.v1.ChangeService;
import icp.filing.proto.provider.v1.ChangeSubject;
import icp.filing.proto.provider.v1.DomainHolder;
import icp.filing.proto.provider.v1.FiledService;
import icp.filing.proto.provider.v1.Filing;
import icp.filing.proto.provider.v1.FilingState;
import icp.filing.proto.provider.v1.GetApplicationRequest;
import icp.filing.proto.provider.v1.GetFilingRequest;
import icp.filing.proto.provider.v1.MaterialKind;
import icp.filing.proto.provider.v1.NewFiling;
import icp.filing.proto.provider.v1.Operation;
import icp.filing.proto.provider.v1.ProviderFilingServiceGrpc.ProviderFilingServiceBlockingStub;
import icp.filing.proto.provider.v1.ResubmitApplicationRequest;
import icp.filing.proto.provider.v1.Service;
import icp.filing.proto.provider.v1.Subject;
import icp.filing.proto.provider.v1.SubmitApplicationRequest;
import icp.filing.proto.provider.v1.WithdrawApplicationRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A filing's life over real gRPC and HTTP against MariaDB, each step checked through the public query: services added,
 * changed and cancelled, the subject changed and cancelled, providers starting and stopping to host a service.
 */
@MicronautTest(transactional = false)
class FilingLifeApiTest extends ApiTestSupport {

    /** A filed subject as its provider knows it. */
    private record Filed(String subjectNumber, Subject subject, String label) {
        String service(String suffix) {
            return subjectNumber + "-" + suffix;
        }
    }

    @Test
    void addedServicesContinueTheSequenceAndACancelledNumberIsNeverIssuedAgain() {
        Filed filed = file(TestFilings.website("官网", label() + ".cn"), TestFilings.app("应用", "cn.e" + label() + ".app"));
        assertEquals(List.of(filed.service("1"), filed.service("2A")), numbers(filed));

        String added = label() + ".cn";
        Application addition = submitAs(ApiClients.DEMO_KEY, SubmitApplicationRequest.newBuilder().setAddServices(
                AddServices.newBuilder().setSubjectNumber(filed.subjectNumber())
                        .addServices(ready(TestFilings.website("新增网站", added), filed.subject()))
                        .addMaterialIds(demoMaterials.get(MaterialKind.MATERIAL_KIND_VERIFICATION_FORM))).build());
        assertEquals(Operation.OPERATION_ADD_SERVICES, addition.getOperation());
        assertEquals(filed.subjectNumber(), addition.getTargetNumber());
        assertEquals(List.of(), query(added), "nothing shows before the bureau approves");
        Map<String, Object> decision = approve(addition.getId());
        assertEquals(filed.service("3"), services(decision).get(0).get("serviceNumber"));
        assertEquals(filed.service("3"), query(added).get(0).get("serviceNumber"));

        approve(cancelService(filed.service("2A")).getId());
        assertEquals(List.of(), query(filed.service("2A")), "a cancelled number leaves the public query");
        assertEquals(List.of(filed.service("1"), filed.service("3")), numbers(filed));

        String later = label() + ".cn";
        Application another = submitAs(ApiClients.DEMO_KEY, SubmitApplicationRequest.newBuilder().setAddServices(
                AddServices.newBuilder().setSubjectNumber(filed.subjectNumber())
                        .addServices(ready(TestFilings.website("再一个网站", later), filed.subject()))
                        .addMaterialIds(demoMaterials.get(MaterialKind.MATERIAL_KIND_VERIFICATION_FORM))).build());
        approve(another.getId());
        assertEquals(filed.service("4"), query(later).get(0).get("serviceNumber"), "-2A is never issued again");

        Filing filing = demo().getFiling(GetFilingRequest.newBuilder().setSubjectNumber(filed.subjectNumber()).build())
                .getFiling();
        assertEquals(List.of("1:FILING_STATE_FILED", "2A:FILING_STATE_CANCELLED", "3:FILING_STATE_FILED",
                "4:FILING_STATE_FILED"), filing.getServicesList().stream()
                .map(s -> s.getServiceNumber().substring(s.getServiceNumber().indexOf('-') + 1) + ":" + s.getState())
                .toList());
    }

    @Test
    void aChangedNameShowsOnlyAfterApprovalAndTheBureauSeesBeforeAndAfter() {
        String domain = label() + ".cn";
        Filed filed = file(TestFilings.website("旧名字网站", domain));
        Service changed = ready(TestFilings.website("新名字网站", domain), filed.subject());

        Application change = submitAs(ApiClients.DEMO_KEY, changeService(filed.service("1"), changed));
        assertEquals("旧名字网站", query(domain).get(0).get("serviceName"));
        ApiClients.Response detail = clients.get("/api/v1/bureau/applications/" + change.getId(), "bj-reviewer");
        Map<String, Object> view = detail.object();
        assertEquals("CHANGE_SERVICE", view.get("operation"));
        assertEquals(filed.service("1"), view.get("targetNumber"));
        assertTrue(changes(view).contains(Map.of("field", "name", "before", "旧名字网站", "after", "新名字网站")),
                detail.body());

        approve(change.getId());
        assertEquals("新名字网站", query(domain).get(0).get("serviceName"));
        Map<String, Object> record = clients.get("/api/v1/bureau/filings/" + ApiClients.query(filed.subjectNumber()),
                "bj-reviewer").object();
        assertTrue(record.get("record").toString().contains("{field=name, before=旧名字网站, after=新名字网站}"),
                "what the change changed stays on the filing's record: " + record.get("record"));
        assertEquals(true, clients.get("/api/v1/bureau/filings/" + ApiClients.query(filed.subjectNumber())
                + "/record/verify", "bj-reviewer").object().get("intact"));
        assertEquals(filed.service("1"), query(domain).get(0).get("serviceNumber"));
    }

    @Test
    void shrinkingDomainsFreesTheDroppedOneAndGrowingIsRefused() {
        String kept = label() + ".cn";
        String dropped = label() + ".cn";
        Filed filed = file(TestFilings.website("两个域名的网站", kept, dropped));

        String grown = label() + ".cn";
        StatusRuntimeException growth = assertThrows(StatusRuntimeException.class, () -> submitAs(ApiClients.DEMO_KEY,
                changeService(filed.service("1"), ready(TestFilings.website("两个域名的网站", kept, grown),
                        filed.subject()))));
        assertEquals(Status.Code.INVALID_ARGUMENT, growth.getStatus().getCode());
        assertEquals("change_service.service.website.domains[1]",
                ProviderApiTest.badRequest(growth).getFieldViolations(0).getField());
        assertEquals("DOMAINS_ONLY_SHRINK", ProviderApiTest.badRequest(growth).getFieldViolations(0).getReason());

        approve(submitAs(ApiClients.DEMO_KEY, changeService(filed.service("1"),
                ready(TestFilings.website("两个域名的网站", kept), filed.subject()))).getId());
        assertEquals(List.of(), query(dropped));
        assertEquals(List.of(kept), query(kept).get(0).get("domains"));

        Map<String, Object> other = approve(submit(TestFilings.unitFiling("北京" + label() + "有限公司", dropped))
                .getId());
        assertEquals(other.get("subjectNumber"), query(dropped).get(0).get("subjectNumber"),
                "the dropped domain is free for another subject");
    }

    @Test
    void cancellingTheLastServiceCancelsTheSubjectAndNothingMoreCanBeAsked() {
        Filed filed = file(TestFilings.website("唯一的网站", label() + ".cn"));
        approve(cancelService(filed.service("1")).getId());

        assertEquals(List.of(), query(filed.subjectNumber()));
        Filing filing = demo().getFiling(GetFilingRequest.newBuilder().setSubjectNumber(filed.subjectNumber()).build())
                .getFiling();
        assertEquals(FilingState.FILING_STATE_CANCELLED, filing.getState());
        StatusRuntimeException late = assertThrows(StatusRuntimeException.class, () -> submitAs(ApiClients.DEMO_KEY,
                SubmitApplicationRequest.newBuilder().setCancelSubject(CancelSubject.newBuilder()
                        .setSubjectNumber(filed.subjectNumber())).build()));
        assertEquals(Status.Code.FAILED_PRECONDITION, late.getStatus().getCode());
        assertEquals("SUBJECT_NOT_FILED", ProviderApiTest.errorInfo(late).getReason());
    }

    @Test
    void aCancelledSubjectFreesItsDomainAndMayFileAgainUnderANewNumber() {
        String domain = label() + ".cn";
        Filed filed = file(TestFilings.website("要注销的网站", domain));
        Application cancel = submitAs(ApiClients.DEMO_KEY, SubmitApplicationRequest.newBuilder().setCancelSubject(
                CancelSubject.newBuilder().setSubjectNumber(filed.subjectNumber())).build());
        StatusRuntimeException second = assertThrows(StatusRuntimeException.class, () -> cancelService(
                filed.service("1")));
        assertEquals("OPEN_APPLICATION_EXISTS", ProviderApiTest.errorInfo(second).getReason(),
                "one open application per filing");
        approve(cancel.getId());
        assertEquals(List.of(), query(domain));

        Map<String, Object> other = approve(submit(TestFilings.unitFiling("北京" + label() + "有限公司", domain))
                .getId());
        assertEquals(other.get("subjectNumber"), query(domain).get(0).get("subjectNumber"));

        Map<String, Object> again = approve(submit(SubmitApplicationRequest.newBuilder().setNewFiling(NewFiling
                .newBuilder().setSubject(filed.subject()).addServices(TestFilings.website("重新备案", label() + ".cn")))
                .build()).getId());
        assertNotEquals(filed.subjectNumber(), again.get("subjectNumber"));
    }

    @Test
    void aSecondProviderComesInTheFirstLeavesAndTheLastToLeaveMakesAShell() {
        String domain = label() + ".cn";
        Filed filed = file(TestFilings.website("两家接入的网站", domain));
        String number = filed.service("1");
        Map<MaterialKind, String> otherMaterials = otherProviderMaterials();

        StatusRuntimeException hidden = assertThrows(StatusRuntimeException.class, () -> other().getFiling(
                GetFilingRequest.newBuilder().setSubjectNumber(filed.subjectNumber()).build()));
        assertEquals(Status.Code.NOT_FOUND, hidden.getStatus().getCode());
        StatusRuntimeException notHosting = assertThrows(StatusRuntimeException.class, () -> submitAs(
                ApiClients.OTHER_KEY, changeService(number, ready(TestFilings.website("抢改名字", domain),
                        filed.subject()))));
        assertEquals(Status.Code.NOT_FOUND, notHosting.getStatus().getCode());
        assertEquals("FILING_NOT_FOUND", ProviderApiTest.errorInfo(notHosting).getReason());

        Service described = ready(TestFilings.website("两家接入的网站", domain), filed.subject()).toBuilder()
                .clearMaterialIds().addMaterialIds(otherMaterials.get(MaterialKind.MATERIAL_KIND_SERVICE_PRINCIPAL_ID))
                .addMaterialIds(otherMaterials.get(MaterialKind.MATERIAL_KIND_SERVICE_PRINCIPAL_PHOTO)).build();
        StatusRuntimeException mismatch = assertThrows(StatusRuntimeException.class, () -> submitAs(
                ApiClients.OTHER_KEY, addAccess(number, described.toBuilder().setName("别的名字").build(),
                        otherMaterials)));
        assertEquals("SERVICE_DATA_MISMATCH", ProviderApiTest.badRequest(mismatch).getFieldViolations(0).getReason());
        approve(submitAs(ApiClients.OTHER_KEY, addAccess(number, described, otherMaterials)).getId());

        assertTrue(demo().cancelAccess(CancelAccessRequest.newBuilder().setServiceNumber(number).build())
                .hasFiling() == false, "the first provider hosts nothing of the filing any more");
        FiledService hosted = other().getFiling(GetFilingRequest.newBuilder().setSubjectNumber(number).build())
                .getFiling().getServices(0);
        assertTrue(hosted.getHostedByCaller());
        assertEquals(1, hosted.getProviderCount());
        assertEquals(List.of(domain), hosted.getDomainsList());
        assertEquals(number, query(domain).get(0).get("serviceNumber"), "still filed and hosted");
        assertFalse(shells().contains(number));

        other().changeAccess(ChangeAccessRequest.newBuilder().setServiceNumber(number)
                .setAccess(TestFilings.access().toBuilder().clearIpAddresses().addIpAddresses("198.51.100.7")).build());
        other().cancelAccess(CancelAccessRequest.newBuilder().setServiceNumber(number).build());
        assertEquals(number, query(domain).get(0).get("serviceNumber"), "a shell stays filed");
        assertTrue(shells().contains(number), "and is listed for the bureau");
        StatusRuntimeException gone = assertThrows(StatusRuntimeException.class, () -> other().cancelAccess(
                CancelAccessRequest.newBuilder().setServiceNumber(number).build()));
        assertEquals(Status.Code.NOT_FOUND, gone.getStatus().getCode());
        StatusRuntimeException leftFiling = assertThrows(StatusRuntimeException.class, () -> submitAs(
                ApiClients.DEMO_KEY, SubmitApplicationRequest.newBuilder().setCancelSubject(CancelSubject.newBuilder()
                        .setSubjectNumber(filed.subjectNumber())).build()));
        assertEquals(Status.Code.NOT_FOUND, leftFiling.getStatus().getCode(), "a provider that left changes nothing");
    }

    @Test
    void aSubjectChangesItsAddressButNeverItsProvince() {
        Filed filed = file(TestFilings.website("搬家公司官网", label() + ".cn"));
        Subject moved = filed.subject().toBuilder().setAddress("北京市朝阳区新地址8号")
                .addMaterialIds(demoMaterials.get(MaterialKind.MATERIAL_KIND_VERIFICATION_FORM)).build();
        Application change = submitAs(ApiClients.DEMO_KEY, SubmitApplicationRequest.newBuilder().setChangeSubject(
                ChangeSubject.newBuilder().setSubjectNumber(filed.subjectNumber()).setSubject(moved)).build());
        Map<String, Object> view = clients.get("/api/v1/bureau/applications/" + change.getId(), "bj-reviewer")
                .object();
        assertEquals(List.of(Map.of("field", "address", "before", filed.subject().getAddress(),
                "after", "北京市朝阳区新地址8号")), changes(view));
        approve(change.getId());

        Subject shanghai = moved.toBuilder().setProvinceCode("31").setAddress("上海市浦东新区1号").build();
        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () -> submitAs(
                ApiClients.DEMO_KEY, SubmitApplicationRequest.newBuilder().setChangeSubject(ChangeSubject.newBuilder()
                        .setSubjectNumber(filed.subjectNumber()).setSubject(shanghai)).build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, refused.getStatus().getCode());
    }

    @Test
    void aReturnedChangeIsCorrectedResubmittedAndApprovedWithItsHistory() {
        String domain = label() + ".cn";
        Filed filed = file(TestFilings.website("原来的网站", domain));
        Application change = submitAs(ApiClients.DEMO_KEY, changeService(filed.service("1"),
                ready(TestFilings.website("写错的名字", domain), filed.subject())));
        assertEquals(200, clients.post("/api/v1/bureau/applications/" + change.getId() + "/return", "bj-reviewer",
                "{\"reasons\":[\"UNACCEPTABLE_SERVICE_NAME\"],\"comment\":\"名称不当\"}").status());

        StatusRuntimeException otherKind = assertThrows(StatusRuntimeException.class, () -> demo()
                .resubmitApplication(ResubmitApplicationRequest.newBuilder().setApplicationId(change.getId())
                        .setCancelService(CancelService.newBuilder().setServiceNumber(filed.service("1"))).build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, otherKind.getStatus().getCode());

        Application resubmitted = demo().resubmitApplication(ResubmitApplicationRequest.newBuilder()
                .setApplicationId(change.getId()).setChangeService(changeService(filed.service("1"),
                        ready(TestFilings.website("更正后的名字", domain), filed.subject())).getChangeService())
                .build()).getApplication();
        resubmitted = confirmSms(resubmitted);
        assertEquals(List.of("SUBMITTED", "AWAITING_SMS_CONFIRMATION", "IN_REVIEW", "RETURNED", "SUBMITTED",
                "AWAITING_SMS_CONFIRMATION", "IN_REVIEW"), resubmitted.getHistoryList().stream()
                .map(t -> t.getToState().name().substring("APPLICATION_STATE_".length())).toList());
        approve(change.getId());

        assertEquals("更正后的名字", query(domain).get(0).get("serviceName"));
        Application read = demo().getApplication(GetApplicationRequest.newBuilder().setApplicationId(change.getId())
                .build()).getApplication();
        assertEquals(8, read.getHistoryCount());
        assertEquals(filed.service("1"), read.getServices(0).getServiceNumber());
        assertTrue(clients.get("/api/v1/bureau/applications/" + change.getId(), "bj-reviewer").body()
                .contains("名称不当"), "the bureau still reads its return");
    }

    @Test
    void aWithdrawnChangeLeavesTheFilingAsItWasAndFreesItForTheNext() {
        String domain = label() + ".cn";
        Filed filed = file(TestFilings.website("不改了的网站", domain));
        Application change = submitAs(ApiClients.DEMO_KEY, changeService(filed.service("1"),
                ready(TestFilings.website("想改的名字", domain), filed.subject())));
        demo().withdrawApplication(WithdrawApplicationRequest.newBuilder().setApplicationId(change.getId()).build());

        assertEquals("不改了的网站", query(domain).get(0).get("serviceName"));
        Application next = cancelService(filed.service("1"));
        assertEquals(Operation.OPERATION_CANCEL_SERVICE, next.getOperation());
    }

    @Test
    void validateOnlyChecksAChangeAndStoresNothing() {
        String domain = label() + ".cn";
        Service original = TestFilings.website("校验的网站", domain);
        Filed filed = file(original);
        SubmitApplicationRequest request = changeService(filed.service("1"),
                ready(TestFilings.website("校验后的名字", domain), filed.subject())).toBuilder()
                .setRequestId("check-" + filed.label()).setValidateOnly(true).build();

        Application wouldBe = submitAs(ApiClients.DEMO_KEY, request);
        assertEquals("", wouldBe.getId());
        assertEquals(ApplicationState.APPLICATION_STATE_AWAITING_SMS_CONFIRMATION, wouldBe.getState());
        StatusRuntimeException same = assertThrows(StatusRuntimeException.class, () -> submitAs(ApiClients.DEMO_KEY,
                changeService(filed.service("1"), ready(original, filed.subject())).toBuilder().setValidateOnly(true)
                        .build()));
        assertEquals("NO_CHANGE", ProviderApiTest.badRequest(same).getFieldViolations(0).getReason());

        Application real = submitAs(ApiClients.DEMO_KEY, request.toBuilder().setValidateOnly(false).build());
        assertFalse(real.getId().isEmpty(), "nothing was stored and the request id was not consumed");
    }

    @Test
    void anAdditionWhoseDomainAnotherSubjectTookMeanwhileIsRefusedAtApprovalAndChangesNothing() {
        Filed filed = file(TestFilings.website("先备案的网站", label() + ".cn"));
        String contested = label() + ".cn";
        Application addition = submitAs(ApiClients.DEMO_KEY, SubmitApplicationRequest.newBuilder().setAddServices(
                AddServices.newBuilder().setSubjectNumber(filed.subjectNumber())
                        .addServices(ready(TestFilings.website("晚了一步", contested), filed.subject()))
                        .addMaterialIds(demoMaterials.get(MaterialKind.MATERIAL_KIND_VERIFICATION_FORM))).build());
        approve(submit(TestFilings.unitFiling("北京" + label() + "有限公司", contested)).getId());

        ApiClients.Response refused = clients.post("/api/v1/bureau/applications/" + addition.getId() + "/approve",
                "bj-reviewer", "");
        assertEquals(409, refused.status(), refused.body());
        assertEquals("DOMAIN_ALREADY_FILED", refused.object().get("reason"));
        assertEquals(List.of(filed.service("1")), numbers(filed), "the filing is as it was");
        assertEquals(ApplicationState.APPLICATION_STATE_IN_REVIEW, demo().getApplication(GetApplicationRequest
                .newBuilder().setApplicationId(addition.getId()).build()).getApplication().getState());
    }

    @Test
    void aProviderSeesWhatItHostsInFullAndTheRestByNumberAndName() {
        String domain = label() + ".cn";
        Filed filed = file(TestFilings.website("共同的网站", domain), TestFilings.app("只有我接入的应用",
                "cn.h" + label() + ".app"));
        Map<MaterialKind, String> otherMaterials = otherProviderMaterials();
        Service described = ready(TestFilings.website("共同的网站", domain), filed.subject()).toBuilder()
                .clearMaterialIds().addMaterialIds(otherMaterials.get(MaterialKind.MATERIAL_KIND_SERVICE_PRINCIPAL_ID))
                .addMaterialIds(otherMaterials.get(MaterialKind.MATERIAL_KIND_SERVICE_PRINCIPAL_PHOTO)).build();
        approve(submitAs(ApiClients.OTHER_KEY, addAccess(filed.service("1"), described, otherMaterials)).getId());

        Filing seen = other().getFiling(GetFilingRequest.newBuilder().setSubjectNumber(filed.subjectNumber()).build())
                .getFiling();
        FiledService shared = seen.getServices(0);
        FiledService notMine = seen.getServices(1);
        assertTrue(shared.getHostedByCaller());
        assertEquals(2, shared.getProviderCount());
        assertEquals("203.0.113.10", shared.getAccess().getIpAddresses(0));
        assertFalse(notMine.getHostedByCaller());
        assertEquals("只有我接入的应用", notMine.getName());
        assertEquals("", notMine.getAppKey(), "a service the caller does not host shows number, kind, name, state");
        assertFalse(notMine.hasAccess());
        assertEquals(0, notMine.getProviderCount());
        assertTrue(seen.getRecordList().stream().anyMatch(r -> r.getKind().equals("ACCESS_ADDED") && r.getByCaller()),
                "its own coming in is on its record");
        Filing firstsView = demo().getFiling(GetFilingRequest.newBuilder().setSubjectNumber(filed.subjectNumber())
                .build()).getFiling();
        assertTrue(firstsView.getRecordList().stream().noneMatch(r -> r.getKind().equals("ACCESS_ADDED")),
                "another provider's access is that provider's business");
        assertTrue(firstsView.getRecordList().stream().anyMatch(r -> r.getKind().equals("SERVICE_ADDED")
                && r.getByCaller() && !r.getApplicationId().isEmpty()));

        StatusRuntimeException badAccess = assertThrows(StatusRuntimeException.class, () -> other().changeAccess(
                ChangeAccessRequest.newBuilder().setServiceNumber(filed.service("1")).setAccess(TestFilings.access()
                        .toBuilder().clearIpAddresses().addIpAddresses("999.1.1.1")).build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, badAccess.getStatus().getCode());
        assertEquals("access.ip_addresses[0]", ProviderApiTest.badRequest(badAccess).getFieldViolations(0).getField());
        StatusRuntimeException notAService = assertThrows(StatusRuntimeException.class, () -> other().cancelAccess(
                CancelAccessRequest.newBuilder().setServiceNumber(filed.subjectNumber()).build()));
        assertEquals("INVALID_FILING_NUMBER", ProviderApiTest.badRequest(notAService).getFieldViolations(0)
                .getReason());
    }

    @Test
    void accessChangesAtTheSameMomentAreNeitherLostNorRefused() throws Exception {
        String domain = label() + ".cn";
        Filed filed = file(TestFilings.website("抢着退出的网站", domain), TestFilings.website("第二个网站",
                label() + ".cn"));
        String number = filed.service("1");
        Map<MaterialKind, String> otherMaterials = otherProviderMaterials();
        Service described = ready(TestFilings.website("抢着退出的网站", domain), filed.subject()).toBuilder()
                .clearMaterialIds().addMaterialIds(otherMaterials.get(MaterialKind.MATERIAL_KIND_SERVICE_PRINCIPAL_ID))
                .addMaterialIds(otherMaterials.get(MaterialKind.MATERIAL_KIND_SERVICE_PRINCIPAL_PHOTO)).build();
        approve(submitAs(ApiClients.OTHER_KEY, addAccess(number, described, otherMaterials)).getId());

        CyclicBarrier together = new CyclicBarrier(3);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> done = List.of(
                    pool.submit(() -> {
                        together.await();
                        return demo().cancelAccess(CancelAccessRequest.newBuilder().setServiceNumber(number).build());
                    }),
                    pool.submit(() -> {
                        together.await();
                        return other().cancelAccess(CancelAccessRequest.newBuilder().setServiceNumber(number).build());
                    }),
                    pool.submit(() -> {
                        together.await();
                        return demo().changeAccess(ChangeAccessRequest.newBuilder()
                                .setServiceNumber(filed.service("2")).setAccess(TestFilings.access().toBuilder()
                                        .clearIpAddresses().addIpAddresses("198.51.100.9")).build());
                    }));
            for (Future<?> each : done) {
                each.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertTrue(shells().contains(number), "both providers left: nobody's leaving was lost");
        FiledService second = demo().getFiling(GetFilingRequest.newBuilder().setSubjectNumber(filed.subjectNumber())
                .build()).getFiling().getServices(1);
        assertEquals(List.of("198.51.100.9"), second.getAccess().getIpAddressesList());
    }

    // --- helpers

    private static String label() {
        return TestFilings.uniqueLabel();
    }

    private Filed file(Service... services) {
        String label = label();
        Subject subject = TestFilings.unit("北京" + label + "科技有限公司", "110108");
        SubmitApplicationRequest request = SubmitApplicationRequest.newBuilder().setNewFiling(NewFiling.newBuilder()
                .setSubject(subject).addAllServices(List.of(services))).build();
        Map<String, Object> decision = approve(submit(request).getId());
        return new Filed((String) decision.get("subjectNumber"), subject, label);
    }

    /** The service with its domain holders and principal materials, as the provider's verification completes it. */
    private Service ready(Service service, Subject subject) {
        Service.Builder builder = service.toBuilder();
        if (service.hasWebsite()) {
            var website = service.getWebsite().toBuilder().clearDomainHolders();
            for (String domain : website.getDomainsList()) {
                website.addDomainHolders(DomainHolder.newBuilder().setDomain(domain).setHolderName(subject.getName())
                        .setHolderCertificateNumber(subject.getCertificateNumber()));
            }
            builder.setWebsite(website);
        }
        return builder.clearMaterialIds()
                .addMaterialIds(demoMaterials.get(MaterialKind.MATERIAL_KIND_SERVICE_PRINCIPAL_ID))
                .addMaterialIds(demoMaterials.get(MaterialKind.MATERIAL_KIND_SERVICE_PRINCIPAL_PHOTO)).build();
    }

    private SubmitApplicationRequest changeService(String number, Service service) {
        return SubmitApplicationRequest.newBuilder().setChangeService(ChangeService.newBuilder()
                .setServiceNumber(number).setService(service)
                .addMaterialIds(demoMaterials.get(MaterialKind.MATERIAL_KIND_VERIFICATION_FORM))).build();
    }

    private static SubmitApplicationRequest addAccess(String number, Service service,
                                                      Map<MaterialKind, String> materials) {
        return SubmitApplicationRequest.newBuilder().setAddAccess(AddAccess.newBuilder().setServiceNumber(number)
                .setService(service).addMaterialIds(materials.get(MaterialKind.MATERIAL_KIND_VERIFICATION_FORM)))
                .build();
    }

    private Application cancelService(String number) {
        return submitAs(ApiClients.DEMO_KEY, SubmitApplicationRequest.newBuilder().setCancelService(
                CancelService.newBuilder().setServiceNumber(number)).build());
    }

    /** Submitted by the provider of {@code key} and, unless only validated, confirmed by SMS by its principals. */
    private Application submitAs(String key, SubmitApplicationRequest request) {
        Application submitted = clients.provider(key).submitApplication(request).getApplication();
        return request.getValidateOnly() ? submitted : confirmSms(key, submitted);
    }

    private ProviderFilingServiceBlockingStub demo() {
        return clients.provider(ApiClients.DEMO_KEY);
    }

    private ProviderFilingServiceBlockingStub other() {
        return clients.provider(ApiClients.OTHER_KEY);
    }

    private Map<MaterialKind, String> otherProviderMaterials() {
        Map<MaterialKind, String> ids = new EnumMap<>(MaterialKind.class);
        for (MaterialKind kind : List.of(MaterialKind.MATERIAL_KIND_VERIFICATION_FORM,
                MaterialKind.MATERIAL_KIND_SERVICE_PRINCIPAL_ID, MaterialKind.MATERIAL_KIND_SERVICE_PRINCIPAL_PHOTO)) {
            byte[] scan = TestFilings.pdf("other " + kind.name());
            ids.put(kind, clients.upload(ApiClients.OTHER_KEY, kind, scan, TestFilings.sha256(scan), 64)
                    .getMaterialId());
        }
        return ids;
    }

    private List<Map<String, Object>> query(String q) {
        return clients.get("/api/v1/public/filings?q=" + ApiClients.query(q), null).list();
    }

    private List<String> numbers(Filed filed) {
        return query(filed.subjectNumber()).stream().map(e -> (String) e.get("serviceNumber")).toList();
    }

    private List<String> shells() {
        ApiClients.Response response = clients.get("/api/v1/bureau/shells?size=100", "bj-reviewer");
        assertEquals(200, response.status(), response.body());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) response.object().get("items");
        return items.stream().map(i -> (String) i.get("serviceNumber")).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> services(Map<String, Object> decision) {
        return (List<Map<String, Object>>) decision.get("services");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> changes(Map<String, Object> view) {
        return (List<Map<String, Object>>) view.get("changes");
    }
}
