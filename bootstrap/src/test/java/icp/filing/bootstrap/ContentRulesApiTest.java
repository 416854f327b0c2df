package icp.filing.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import icp.filing.proto.provider.v1.Application;
import icp.filing.proto.provider.v1.DomainHolder;
import icp.filing.proto.provider.v1.MaterialKind;
import icp.filing.proto.provider.v1.NewFiling;
import icp.filing.proto.provider.v1.PreApproval;
import icp.filing.proto.provider.v1.PreApprovalType;
import icp.filing.proto.provider.v1.SubmitApplicationRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The guide's content rules over the wire: service names, and the documents they call for. */
// the tests speak to the running servers; a test-wide transaction would only hold locks against them
@MicronautTest(transactional = false)
class ContentRulesApiTest extends ApiTestSupport {

    private SubmitApplicationRequest personFiling(String serviceName) {
        return SubmitApplicationRequest.newBuilder().setNewFiling(NewFiling.newBuilder()
                .setSubject(TestFilings.person("王小二"))
                .addServices(TestFilings.website(serviceName, TestFilings.uniqueLabel() + ".cn"))).build();
    }

    @Test
    void newsContentIsFiledWithItsPreApprovalAndThePublicSeesIt() {
        SubmitApplicationRequest request = complete(TestFilings.unitFiling("示例新闻传媒有限公司",
                TestFilings.uniqueLabel() + ".com.cn"));
        var service = request.getNewFiling().getServices(0).toBuilder().addContentCategories(4).addLanguages("zh-Hans");
        SubmitApplicationRequest withoutApproval = request.toBuilder().setNewFiling(request.getNewFiling().toBuilder()
                .setServices(0, service)).build();
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> submit(withoutApproval));
        assertEquals("PRE_APPROVAL_REQUIRED", ProviderApiTest.errorInfo(e).getReason());
        assertEquals("new_filing.services[0].pre_approvals", ProviderApiTest.badRequest(e).getFieldViolations(0).getField());

        byte[] document = TestFilings.pdf("互联网新闻信息服务许可证");
        String documentId = clients.upload(ApiClients.DEMO_KEY, MaterialKind.MATERIAL_KIND_PRE_APPROVAL_DOCUMENT,
                document, TestFilings.sha256(document), 1024).getMaterialId();
        service.addPreApprovals(PreApproval.newBuilder().setType(PreApprovalType.PRE_APPROVAL_TYPE_NEWS)
                .setAuthority("国家互联网信息办公室").setApprovalNumber("10120180001").setDocumentMaterialId(documentId));
        Application accepted = submit(request.toBuilder().setNewFiling(request.getNewFiling().toBuilder()
                .setServices(0, service)).build());

        ApiClients.Response full = clients.get("/api/v1/bureau/applications/" + accepted.getId(), "bj-reviewer");
        @SuppressWarnings("unchecked")
        Map<String, Object> reviewed = ((List<Map<String, Object>>) full.object().get("services")).get(0);
        assertEquals(List.of("网上新闻服务"), reviewed.get("contentCategories"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> preApprovals = (List<Map<String, Object>>) reviewed.get("preApprovals");
        assertEquals("10120180001", preApprovals.get(0).get("approvalNumber"));

        String subjectNumber = (String) approve(accepted.getId()).get("subjectNumber");
        List<Map<String, Object>> published = clients.get("/api/v1/public/filings?q="
                + ApiClients.query(subjectNumber), null).list();
        assertEquals(List.of("新闻"), published.get(0).get("preApprovalItems"));
    }

    @Test
    void aPersonMayNotFileContentThatNeedsAPreApproval() {
        SubmitApplicationRequest request = personFiling("我的教育博客");
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> submit(request.toBuilder()
                .setNewFiling(request.getNewFiling().toBuilder().setServices(0, request.getNewFiling().getServices(0)
                        .toBuilder().addContentCategories(9))).build()));
        assertEquals("PRE_APPROVAL_NOT_FOR_PERSONS", ProviderApiTest.errorInfo(e).getReason());
    }

    @Test
    void aDomainHeldBySomeoneElseIsRefusedWithoutNamingTheHolder() {
        String domain = TestFilings.uniqueLabel() + ".com.cn";
        SubmitApplicationRequest request = TestFilings.unitFiling("域名借用公司", domain);
        var website = request.getNewFiling().getServices(0).getWebsite().toBuilder()
                .addDomainHolders(DomainHolder.newBuilder().setDomain("www." + domain).setHolderName("真正的持有者公司")
                        .setHolderCertificateNumber(TestFilings.creditCode("110108")));
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> submit(request.toBuilder()
                .setNewFiling(request.getNewFiling().toBuilder().setServices(0, request.getNewFiling().getServices(0)
                        .toBuilder().setWebsite(website))).build()));
        assertEquals("DOMAIN_HOLDER_MISMATCH", ProviderApiTest.errorInfo(e).getReason());
        assertEquals("new_filing.services[0].website.domain_holders[0]", ProviderApiTest.badRequest(e).getFieldViolations(0).getField());
        assertEquals(false, e.getStatus().getDescription().contains("真正的持有者公司"));
    }

    @Test
    void aPersonsServiceNameWithARestrictedWordIsRefused() {
        for (String name : List.of("人民美食网", "京城美食网")) {
            StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> submit(personFiling(name)));
            assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
            assertEquals("RESTRICTED_WORD_IN_NAME", ProviderApiTest.errorInfo(e).getReason(), name);
            assertEquals("new_filing.services[0].name", ProviderApiTest.badRequest(e).getFieldViolations(0).getField());
        }
    }

    @Test
    void aUnitFilesARestrictedNameWithTheApprovalDocumentAndTheBureauSeesWhy() {
        SubmitApplicationRequest request = complete(TestFilings.unitFiling("中华示例公司",
                TestFilings.uniqueLabel() + ".cn"));
        SubmitApplicationRequest withoutApproval = request.toBuilder().setNewFiling(request.getNewFiling().toBuilder()
                .setServices(0, request.getNewFiling().getServices(0).toBuilder().setName("中华文化网"))).build();
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> submit(withoutApproval));
        assertEquals("MATERIALS_INCOMPLETE", ProviderApiTest.badRequest(e).getFieldViolations(0).getReason());

        byte[] approval = TestFilings.pdf("名称使用批准文件");
        String approvalId = clients.upload(ApiClients.DEMO_KEY, MaterialKind.MATERIAL_KIND_NAME_APPROVAL_DOCUMENT,
                approval, TestFilings.sha256(approval), 1024).getMaterialId();
        Application accepted = submit(withoutApproval.toBuilder().setNewFiling(withoutApproval.getNewFiling()
                .toBuilder().setServices(0, withoutApproval.getNewFiling().getServices(0).toBuilder()
                        .addMaterialIds(approvalId))).build());

        ApiClients.Response full = clients.get("/api/v1/bureau/applications/" + accepted.getId(), "bj-reviewer");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> services = (List<Map<String, Object>>) full.object().get("services");
        assertEquals(List.of("中华"), services.get(0).get("restrictedWordsInName"));
        List<Map<String, Object>> materials = clients.get("/api/v1/bureau/applications/" + accepted.getId()
                + "/materials", "bj-reviewer").list();
        assertEquals(1, materials.stream().filter(m -> "NAME_APPROVAL_DOCUMENT".equals(m.get("kind"))).count());
    }
}
