package icp.filing.domain.subject;

import static org.junit.jupiter.api.Assertions.assertEquals;

import icp.filing.domain.common.Province;
import icp.filing.domain.error.Reason;
import icp.filing.domain.error.Violation;
import icp.filing.domain.identity.CertificateType;
import icp.filing.domain.identity.EmailAddress;
import icp.filing.domain.identity.PhoneNumber;
import icp.filing.domain.material.MaterialId;
import icp.filing.domain.service.ContentCategory;
import icp.filing.domain.service.DomainHolderPolicy;
import icp.filing.domain.service.DomainName;
import icp.filing.domain.service.PreApproval;
import icp.filing.domain.service.PreApprovalPolicy;
import icp.filing.domain.service.PreApprovalType;
import icp.filing.domain.service.ServiceContent;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules that decide whether a request is acceptable, each a named policy answering violations with their paths. */
class PoliciesTest {
    private static final Principal PRINCIPAL = new Principal("张三", CertificateType.RESIDENT_ID_CARD,
            "11010519491231002X", null, new PhoneNumber("13800138000"), new EmailAddress("zhang@example.cn"));
    private static final Subject UNIT = new Subject(SubjectNature.ENTERPRISE, "北京示例科技有限公司",
            CertificateType.UNIFIED_SOCIAL_CREDIT_CODE_CERTIFICATE, "91110108551385082Q", null, Province.BEIJING,
            "北京市海淀区", PRINCIPAL);

    private static List<Reason> reasons(List<Violation> violations) {
        return violations.stream().map(Violation::reason).toList();
    }

    @Test
    void everyRegistrableDomainNeedsTheSubjectAsItsHolder() {
        DomainName example = DomainName.parse("example.cn");
        DomainName other = DomainName.parse("other.cn");
        List<DomainHolderPolicy.Holder> holders = List.of(
                new DomainHolderPolicy.Holder(example, UNIT.name(), "91110108551385082q"),
                new DomainHolderPolicy.Holder(other, "别人的公司", UNIT.certificateNumber()));

        List<Violation> found = DomainHolderPolicy.check(UNIT, Set.of(example, other, DomainName.parse("third.cn")),
                holders, "p");

        assertEquals(List.of("p.domain_holders[1]", "p.domain_holders"), found.stream().map(Violation::field).toList());
        assertEquals(List.of(Reason.DOMAIN_HOLDER_MISMATCH, Reason.REQUIRED), reasons(found));
    }

    @Test
    void contentThatNeedsAPreApprovalCarriesItAndIsNotForPersons() {
        ServiceContent news = new ServiceContent(List.of(ContentCategory.byCode(4)), List.of(), List.of());
        ServiceContent approved = new ServiceContent(List.of(ContentCategory.byCode(4)), List.of(), List.of(
                new PreApproval(PreApprovalType.NEWS, "国家网信办", "国新网1234", MaterialId.random())));

        assertEquals(List.of(Reason.PRE_APPROVAL_REQUIRED), reasons(PreApprovalPolicy.check(false, news, "p")));
        assertEquals(List.of(), PreApprovalPolicy.check(false, approved, "p"));
        assertEquals(List.of(new Violation("p.content_categories", Reason.PRE_APPROVAL_NOT_FOR_PERSONS,
                PreApprovalPolicy.check(true, approved, "p").get(0).message())), PreApprovalPolicy.check(true,
                approved, "p"));
    }

    @Test
    void theHomeProvinceComesFromTheCertificateAndAnythingElseMustAgree() {
        assertEquals(Province.BEIJING, HomeProvincePolicy.decide(Optional.of(Province.BEIJING), null,
                Optional.empty(), "s").home());
        assertEquals(Province.HEBEI, HomeProvincePolicy.decide(Optional.empty(), Province.HEBEI,
                Optional.of(Province.HEBEI), "s").home());
        HomeProvincePolicy.Decision cross = HomeProvincePolicy.decide(Optional.of(Province.BEIJING),
                Province.SHANGHAI, Optional.empty(), "s");
        assertEquals(null, cross.home());
        assertEquals("s.province_code", cross.violations().get(0).field());
        assertEquals(Reason.CROSS_PROVINCE, cross.violations().get(0).reason());
        assertEquals("s.address", HomeProvincePolicy.decide(Optional.of(Province.BEIJING), null,
                Optional.of(Province.TIANJIN), "s").violations().get(0).field());
        assertEquals(List.of(Reason.REQUIRED), reasons(HomeProvincePolicy.decide(Optional.empty(), null,
                Optional.empty(), "s").violations()));
    }

    @Test
    void aPrincipalServesAtMostTheConfiguredNumberOfSubjects() {
        PrincipalReusePolicy policy = new PrincipalReusePolicy(5);
        assertEquals(List.of(), policy.check(4, 4, "s.principal"));
        assertEquals(List.of("s.principal.certificate_number", "s.principal.phone"),
                policy.check(5, 9, "s.principal").stream().map(Violation::field).toList());
    }
}
