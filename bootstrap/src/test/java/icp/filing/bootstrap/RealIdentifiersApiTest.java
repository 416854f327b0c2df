package icp.filing.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.rpc.BadRequest;
import icp.filing.domain.identity.CreditCode;
import icp.filing.proto.provider.v1.Application;
import icp.filing.proto.provider.v1.CertificateType;
import icp.filing.proto.provider.v1.NewFiling;
import icp.filing.proto.provider.v1.SubmitApplicationRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Identifiers as the real world writes them, over gRPC: national-level units, one unit's several certificates, IDN. */
@MicronautTest(transactional = false)
class RealIdentifiersApiTest extends ApiTestSupport {

    @Test
    void aNationallyRegisteredUnitFilesInTheProvinceItDeclares() {
        String label = TestFilings.uniqueLabel();
        var subject = TestFilings.unit("中国" + label + "集团有限公司", "110108").toBuilder()
                .setCertificateNumber(nationalCreditCode()).setProvinceCode("11").clearAddress();
        Application submitted = submit(SubmitApplicationRequest.newBuilder().setNewFiling(NewFiling.newBuilder()
                .setSubject(subject).addServices(TestFilings.website("集团官网", label + ".com.cn"))).build());
        assertEquals("11", submitted.getProvinceCode());
    }

    @Test
    void aUnitFiledUnderItsCreditCodeCertificateCannotFileAgainUnderItsBusinessLicence() {
        String label = TestFilings.uniqueLabel();
        SubmitApplicationRequest first = TestFilings.unitFiling("北京" + label + "科技有限公司", label + ".cn");
        approve(submit(first).getId());

        var again = first.getNewFiling().getSubject().toBuilder()
                .setCertificateType(CertificateType.CERTIFICATE_TYPE_BUSINESS_LICENSE);
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> submit(
                SubmitApplicationRequest.newBuilder().setNewFiling(NewFiling.newBuilder().setSubject(again)
                        .addServices(TestFilings.website("另一个网站", "other-" + label + ".cn"))).build()));
        assertEquals(Status.Code.ALREADY_EXISTS, e.getStatus().getCode());
        assertEquals("SUBJECT_ALREADY_FILED", ProviderApiTest.errorInfo(e).getReason());
    }

    @Test
    void aDomainThatCouldPassForAnotherIsRefusedWithItsField() {
        String label = TestFilings.uniqueLabel();
        // "ex\u0430mple": a Cyrillic а among Latin letters, shown in Unicode it reads "example"
        String lookalike = "ex\u0430mple" + label + ".cn";
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> submit(
                TestFilings.unitFiling("北京" + label + "科技有限公司", lookalike)));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        Map<String, String> violations = ProviderApiTest.badRequest(e).getFieldViolationsList().stream()
                .collect(Collectors.toMap(BadRequest.FieldViolation::getField, BadRequest.FieldViolation::getReason,
                        (a, b) -> a));
        assertEquals("CONFUSABLE_DOMAIN", violations.get("new_filing.services[0].website.domains[0]"), violations.toString());

        String chinese = "示例-" + label + "2026.中国";
        assertEquals("APPLICATION_STATE_IN_REVIEW", submit(TestFilings.unitFiling("北京" + label + "科技有限公司", chinese))
                .getState().name(), "Chinese with ASCII digits and hyphens stays valid");
    }

    @Test
    void aWebsiteOnAnInternationalisedDomainHasItsUnicodeHomeUrlRead() {
        String label = TestFilings.uniqueLabel();
        String domain = "例子" + label + ".中国";
        var website = TestFilings.website("中文域名网站", domain).toBuilder();
        website.getWebsiteBuilder().setHomeUrl("http://" + domain + "/首页");
        Application submitted = submit(SubmitApplicationRequest.newBuilder().setNewFiling(NewFiling.newBuilder()
                .setSubject(TestFilings.unit("北京" + label + "科技有限公司", "110108")).addServices(website)).build());
        assertEquals("APPLICATION_STATE_IN_REVIEW", submitted.getState().name());

        website.getWebsiteBuilder().setHomeUrl("http://别的" + label + ".中国/");
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> submit(
                SubmitApplicationRequest.newBuilder().setNewFiling(NewFiling.newBuilder()
                        .setSubject(TestFilings.unit("北京" + label + "二科技有限公司", "110108"))
                        .addServices(website.clone().build())).build()));
        Map<String, String> violations = ProviderApiTest.badRequest(e).getFieldViolationsList().stream()
                .collect(Collectors.toMap(BadRequest.FieldViolation::getField, BadRequest.FieldViolation::getReason));
        assertEquals(Map.of("new_filing.services[0].website.home_url", "INVALID_URL"), violations);
    }

    private static String nationalCreditCode() {
        StringBuilder first17 = new StringBuilder("91100000");
        for (int i = 0; i < 9; i++) {
            first17.append("0123456789ABCDEFGHJKLMNPQRTUWXY".charAt(ThreadLocalRandom.current().nextInt(31)));
        }
        return first17 + String.valueOf(CreditCode.checkCharacter(first17.toString()));
    }
}
