package icp.filing.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import icp.filing.proto.provider.v1.App;
import icp.filing.proto.provider.v1.AppPlatform;
import icp.filing.proto.provider.v1.Application;
import icp.filing.proto.provider.v1.CertificateType;
import icp.filing.proto.provider.v1.MaterialKind;
import icp.filing.proto.provider.v1.MiniProgram;
import icp.filing.proto.provider.v1.NewFiling;
import icp.filing.proto.provider.v1.PreApproval;
import icp.filing.proto.provider.v1.PreApprovalType;
import icp.filing.proto.provider.v1.Service;
import icp.filing.proto.provider.v1.SubjectNature;
import icp.filing.proto.provider.v1.SubmitApplicationRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * A unit filing as a real provider would send it (website with news pre-approval, iOS APP, WeChat mini program,
 * every material), an individual's filing, and one refusal of each family of rules, all over real gRPC.
 */
// the tests speak to the running servers; a test-wide transaction would only hold locks against them
@MicronautTest(transactional = false)
class RealisticFilingsApiTest extends ApiTestSupport {

    private String upload(MaterialKind kind, String title) {
        byte[] scan = TestFilings.pdf(title);
        return clients.upload(ApiClients.DEMO_KEY, kind, scan, TestFilings.sha256(scan), 512).getMaterialId();
    }

    private SubmitApplicationRequest unitFiling() {
        String label = TestFilings.uniqueLabel();
        String newsLicence = upload(MaterialKind.MATERIAL_KIND_PRE_APPROVAL_DOCUMENT, "互联网新闻信息服务许可证");
        Service website = TestFilings.website("示例资讯", label + ".com.cn", "news." + label + ".com.cn").toBuilder()
                .addContentCategories(4).addContentCategories(1).addLanguages("zh-Hans").addLanguages("en")
                .addPreApprovals(PreApproval.newBuilder().setType(PreApprovalType.PRE_APPROVAL_TYPE_NEWS)
                        .setAuthority("北京市互联网信息办公室").setApprovalNumber("11120230008")
                        .setDocumentMaterialId(newsLicence))
                .build();
        Service app = Service.newBuilder().setName("示例资讯iOS版").setPrincipal(TestFilings.principal("王五"))
                .setAccess(TestFilings.access())
                .setApp(App.newBuilder().setPlatform(AppPlatform.APP_PLATFORM_IOS)
                        .setPackageName("com.example-" + label + ".news")
                        .setSigningFingerprint("3A:1B:9C:88:02:4D:6E:11:AB:CD:EF:01:23:45:67:89:AA:BB:CC:DD"))
                .build();
        Service miniProgram = Service.newBuilder().setName("示例资讯小程序").setPrincipal(TestFilings.principal("赵六"))
                .setAccess(TestFilings.access())
                .setMiniProgram(MiniProgram.newBuilder().setPlatform("微信").setAppId("wx" + label.replace("x", "0")))
                .build();
        return complete(SubmitApplicationRequest.newBuilder().setRequestId("real-" + label)
                .setNewFiling(NewFiling.newBuilder()
                        .setSubject(TestFilings.unit("北京" + label + "资讯科技有限公司", "110108").toBuilder()
                                .setCertificateValidUntil("2045-12-31"))
                        .addServices(website).addServices(app).addServices(miniProgram))
                .build());
    }

    @Test
    void aRealisticUnitFilingIsNumberedAndPublishedWithItsPreApproval() {
        Application application = submit(unitFiling());
        // 3 for the subject, 2 for each of the 3 services, and the news licence
        assertEquals(10, clients.get("/api/v1/bureau/applications/" + application.getId() + "/materials",
                "bj-reviewer").list().size());
        String subjectNumber = (String) approve(application.getId()).get("subjectNumber");

        List<Map<String, Object>> published = clients.get("/api/v1/public/filings?q="
                + ApiClients.query(subjectNumber), null).list();
        assertEquals(List.of(subjectNumber + "-1", subjectNumber + "-2A", subjectNumber + "-3X"),
                published.stream().map(p -> p.get("serviceNumber")).toList());
        assertEquals(List.of("新闻"), published.get(0).get("preApprovalItems"));
        assertEquals("IOS", published.get(1).get("platform"));
        assertEquals("微信", published.get(2).get("platform"));
    }

    @Test
    void aRealisticIndividualFilingIsPublishedWithTheNameMasked() {
        String domain = TestFilings.uniqueLabel() + ".cn";
        Application application = submit(SubmitApplicationRequest.newBuilder().setNewFiling(NewFiling.newBuilder()
                .setSubject(TestFilings.person("李小龙"))
                .addServices(TestFilings.website("小龙的摄影博客", domain).toBuilder().addContentCategories(16)))
                .build());
        approve(application.getId());
        Map<String, Object> published = clients.get("/api/v1/public/filings?q=" + domain, null).list().get(0);
        assertEquals("李**", published.get("subjectName"));
        // the given name alone would name the person as well
        assertEquals("**的摄影博客", published.get("serviceName"));
    }

    @Test
    void eachFamilyOfRulesRefusesOverTheWireWithFieldAndReason() {
        Map<String, UnaryOperator<SubmitApplicationRequest.Builder>> cases = new LinkedHashMap<>();
        cases.put("new_filing.subject.province_code CROSS_PROVINCE", r -> {
            r.getNewFilingBuilder().getSubjectBuilder().setProvinceCode("31");
            return r;
        });
        cases.put("new_filing.subject.nature NATURE_MISMATCH", r -> {
            r.getNewFilingBuilder().getSubjectBuilder().setNature(SubjectNature.SUBJECT_NATURE_FOUNDATION);
            return r;
        });
        cases.put("new_filing.subject.certificate_type CERTIFICATE_TYPE_MISMATCH", r -> {
            r.getNewFilingBuilder().getSubjectBuilder()
                    .setCertificateType(CertificateType.CERTIFICATE_TYPE_MILITARY_UNIT_CODE);
            return r;
        });
        cases.put("new_filing.subject.principal.certificate_number INVALID_ID_CARD_NUMBER", r -> {
            r.getNewFilingBuilder().getSubjectBuilder().getPrincipalBuilder().setCertificateNumber("110105194912310021");
            return r;
        });
        cases.put("new_filing.services[1].app.package_name INVALID_PACKAGE_NAME", r -> {
            r.getNewFilingBuilder().getServicesBuilder(1).getAppBuilder()
                    .setPlatform(AppPlatform.APP_PLATFORM_ANDROID);
            return r;
        });
        cases.put("new_filing.services[1].app.signing_fingerprint INVALID_FINGERPRINT", r -> {
            r.getNewFilingBuilder().getServicesBuilder(1).getAppBuilder().setSigningFingerprint("not-hex");
            return r;
        });
        cases.put("new_filing.services[2].mini_program.app_id INVALID_FORMAT", r -> {
            r.getNewFilingBuilder().getServicesBuilder(2).getMiniProgramBuilder().setAppId("微信号");
            return r;
        });
        cases.put("new_filing.services[0].pre_approvals[0].authority REQUIRED", r -> {
            r.getNewFilingBuilder().getServicesBuilder(0).getPreApprovalsBuilder(0).setAuthority("");
            return r;
        });
        SubmitApplicationRequest valid = unitFiling();
        cases.forEach((expected, mutation) -> {
            SubmitApplicationRequest broken = mutation.apply(valid.toBuilder().setRequestId("")).build();
            StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> submit(broken), expected);
            assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode(), expected);
            List<String> found = ProviderApiTest.badRequest(e).getFieldViolationsList().stream()
                    .map(v -> v.getField() + " " + v.getReason()).toList();
            assertTrue(found.contains(expected), expected + " not in " + found);
            for (var v : ProviderApiTest.badRequest(e).getFieldViolationsList()) {
                // one family per case, and each reason in Chinese and English
                assertTrue(v.getDescription().contains(" / ") && v.getDescription().codePoints().anyMatch(
                        c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), v.getDescription());
            }
        });
        // and the valid request itself passes
        assertEquals("APPLICATION_STATE_IN_REVIEW", submit(valid).getState().name());
    }

    @Test
    void theCodeTablesAreServedToEveryone() {
        Map<String, Object> tables = clients.get("/api/v1/code-tables", null).object();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> categories = (List<Map<String, Object>>) tables.get("contentCategories");
        assertEquals("网上新闻服务", categories.stream().filter(c -> "4".equals(c.get("code"))).findFirst().orElseThrow()
                .get("name"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> natures = (List<Map<String, Object>>) tables.get("subjectNatures");
        assertEquals(18, natures.size(), "codes 1-6 and 9-20");
    }
}
