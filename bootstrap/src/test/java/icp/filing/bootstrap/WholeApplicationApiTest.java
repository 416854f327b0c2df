package icp.filing.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import icp.filing.proto.provider.v1.Application;
import icp.filing.proto.provider.v1.ApplicationState;
import icp.filing.proto.provider.v1.ListApplicationsRequest;
import icp.filing.proto.provider.v1.ListApplicationsResponse;
import icp.filing.proto.provider.v1.MaterialKind;
import icp.filing.proto.provider.v1.PreApproval;
import icp.filing.proto.provider.v1.PreApprovalType;
import icp.filing.proto.provider.v1.SubmitApplicationRequest;
import icp.filing.application.port.Applications;
import icp.filing.application.port.PageRequest;
import icp.filing.domain.application.ApplicationId;
import icp.filing.domain.application.ProviderId;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

/**
 * One application is read whole by one statement (a UNION ALL of its five tables); a page of them table by table.
 * Both must give the same application, part for part and in order.
 */
@MicronautTest(transactional = false)
class WholeApplicationApiTest extends ApiTestSupport {

    @Test
    void anApplicationReadWholeEqualsItReadTableByTable() {
        SubmitApplicationRequest request = complete(TestFilings.unitFiling("北京整读测试有限公司",
                TestFilings.uniqueLabel() + ".com.cn"));
        byte[] document = TestFilings.pdf("互联网新闻信息服务许可证");
        String documentId = clients.upload(ApiClients.DEMO_KEY, MaterialKind.MATERIAL_KIND_PRE_APPROVAL_DOCUMENT,
                document, TestFilings.sha256(document), 1024).getMaterialId();
        var news = request.getNewFiling().getServices(0).toBuilder().addContentCategories(4).addLanguages("zh-Hans")
                .addPreApprovals(PreApproval.newBuilder().setType(PreApprovalType.PRE_APPROVAL_TYPE_NEWS)
                        .setAuthority("国家互联网信息办公室").setApprovalNumber("10120180001")
                        .setDocumentMaterialId(documentId));
        Application whole = submit(complete(request.toBuilder().setNewFiling(request.getNewFiling().toBuilder()
                .setServices(0, news)
                .addServices(TestFilings.app("整读测试APP", "cn.example.whole" + TestFilings.uniqueLabel())))
                .build()));

        assertEquals(ApplicationState.APPLICATION_STATE_IN_REVIEW, whole.getState());
        assertEquals(2, whole.getServicesCount());
        assertTrue(whole.getHistoryCount() >= 3, whole.getHistoryList().toString());
        assertEquals(whole, listed(whole.getId()), "read whole (GetApplication) as read by a page (ListApplications)");

        // the parts the provider's message leaves out (pre-approvals, materials), compared on the stored aggregate
        var byId = applications.find(new ApplicationId(whole.getId())).orElseThrow();
        var byPage = applications.listByProvider(new ProviderId(byId.provider().value()),
                java.util.Optional.of(icp.filing.domain.application.ApplicationState.IN_REVIEW),
                new PageRequest(0, 100)).items().stream().filter(a -> a.id().equals(byId.id())).findFirst()
                .orElseThrow();
        assertEquals(1, byId.services().get(0).content().preApprovals().size());
        assertTrue(byId.materials().size() >= 2, byId.materials().toString());
        assertEquals(byPage.subject(), byId.subject());
        assertEquals(byPage.services(), byId.services());
        assertEquals(byPage.materials(), byId.materials());
        assertEquals(byPage.history(), byId.history());
        assertEquals(byPage.request(), byId.request());
        assertEquals(byPage.idempotencyKey(), byId.idempotencyKey());
        assertEquals(java.util.List.of(byPage.state(), byPage.version(), byPage.submittedAt(), byPage.queuedAt()),
                java.util.List.of(byId.state(), byId.version(), byId.submittedAt(), byId.queuedAt()));
    }

    @jakarta.inject.Inject
    Applications applications;

    private Application listed(String id) {
        for (int page = 0; page < 100; page++) {
            ListApplicationsResponse response = clients.provider(ApiClients.DEMO_KEY).listApplications(
                    ListApplicationsRequest.newBuilder().setState(ApplicationState.APPLICATION_STATE_IN_REVIEW)
                            .setPage(page).setPageSize(100).build());
            for (Application application : response.getApplicationsList()) {
                if (application.getId().equals(id)) {
                    return application;
                }
            }
            if (response.getApplicationsCount() < 100) {
                break;
            }
        }
        throw new AssertionError(id + " not listed");
    }
}
