package icp.filing.domain.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import icp.filing.domain.common.Province;
import icp.filing.domain.common.Text;
import icp.filing.domain.error.InvalidValueException;
import icp.filing.domain.error.Reason;
import icp.filing.domain.identity.CertificateType;
import icp.filing.domain.identity.EmailAddress;
import icp.filing.domain.identity.PhoneNumber;
import icp.filing.domain.subject.Principal;
import icp.filing.domain.subject.Subject;
import icp.filing.domain.subject.SubjectNature;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServiceRulesTest {
    private static final Principal PRINCIPAL = new Principal("张三", CertificateType.RESIDENT_ID_CARD,
            "11010519491231002X", null, new PhoneNumber("13800138000"), new EmailAddress("a@example.cn"));
    private static final Access ACCESS = new Access(AccessMethod.CLOUD, List.of(), null);

    private static Reason refusal(Runnable build) {
        return assertThrows(InvalidValueException.class, build::run).reason();
    }

    @Test
    void theHomeUrlMustBeHttpOnOneOfTheWebsitesDomains() {
        List<DomainName> domains = List.of(DomainName.parse("example.cn"));
        assertEquals("https://www.example.cn/a", new Website("示例", domains, "https://www.example.cn/a", PRINCIPAL,
                ACCESS).homeUrl());
        assertEquals("http://example.cn/", new Website("示例", domains, null, PRINCIPAL, ACCESS).homeUrl());
        assertEquals(Reason.INVALID_URL, refusal(() -> new Website("示例", domains, "https://other.cn/", PRINCIPAL,
                ACCESS)));
        assertEquals(Reason.INVALID_URL, refusal(() -> new Website("示例", domains, "ftp://example.cn/", PRINCIPAL,
                ACCESS)));
    }

    @Test
    void anInternationalisedHomeUrlIsReadLikeItsDomain() {
        List<DomainName> domains = List.of(DomainName.parse("例子.中国"));
        assertEquals("http://xn--fsqu00a.xn--fiqs8s/", Website.homeUrl("http://例子.中国/", domains));
        assertEquals("https://www.xn--fsqu00a.xn--fiqs8s/%E5%85%B3%E4%BA%8E?a=1",
                Website.homeUrl("HTTPS://www.例子。中国/关于?a=1", domains));
        assertEquals(Reason.INVALID_URL, refusal(() -> Website.homeUrl("http://别的.中国/", domains)));
        assertEquals(Reason.TOO_LONG, refusal(() -> Website.homeUrl("http://例子.中国/" + "a".repeat(600), domains)));
    }

    @Test
    void ipAddressesAreLiteralsOfEitherFamily() {
        assertEquals("2001:db8::1", IpAddress.parse("2001:DB8::1").value());
        assertEquals("203.0.113.7", IpAddress.parse("203.0.113.7").value());
        for (String bad : new String[] {"256.1.1.1", "example.cn", "1.2.3", "1::2::3"}) {
            assertEquals(Reason.INVALID_IP_ADDRESS, refusal(() -> IpAddress.parse(bad)), bad);
        }
    }

    @Test
    void packageNamesFollowTheirPlatformAndFingerprintsAreHex() {
        assertEquals("com.example-app.ios", PackageName.forPlatform(AppPlatform.IOS, "com.example-app.ios").value());
        assertEquals(Reason.INVALID_PACKAGE_NAME, refusal(() -> PackageName.forPlatform(AppPlatform.ANDROID,
                "com.example-app.android")));
        assertEquals(Reason.INVALID_PACKAGE_NAME, refusal(() -> PackageName.parse("single")));
        assertEquals("AABB", Fingerprint.parse("aa:bb".repeat(8)).hex().substring(0, 4));
        assertEquals(Reason.INVALID_FINGERPRINT, refusal(() -> Fingerprint.parse("abc")));
    }

    @Test
    void textsHaveAMaximumLength() {
        assertEquals(Reason.TOO_LONG, refusal(() -> Text.required("字".repeat(101), 100)));
        assertEquals("字".repeat(100), Text.required("字".repeat(100), 100));
    }

    @Test
    void restrictedWordsComeFromTheNationalListAndTheProvince() {
        RestrictedWords words = RestrictedWords.national().withProvinceAdditions(Map.of(Province.BEIJING, Set.of("首都")));
        assertEquals(List.of("中华", "人民"), words.foundIn("中华人民美食", Province.SHANGHAI));
        assertEquals(List.of("首都"), words.foundIn("首都美食", Province.BEIJING));
        assertEquals(List.of(), words.foundIn("首都美食", Province.SHANGHAI));
        Subject unit = new Subject(SubjectNature.ENTERPRISE, "示例公司", CertificateType.BUSINESS_LICENSE,
                "91110108551385082Q", null, Province.BEIJING, null, PRINCIPAL);
        assertEquals(ServiceNamePolicy.Verdict.NEEDS_NAME_APPROVAL,
                new ServiceNamePolicy(words).judge(unit, "人民网").verdict());
    }

    @Test
    void contentCategoriesKnowTheirPreApproval() {
        assertEquals(PreApprovalType.NEWS, ContentCategory.byCode(4).preApproval().orElseThrow());
        assertEquals(true, ContentCategory.byCode(1).preApproval().isEmpty());
        assertEquals(Reason.UNKNOWN_CODE, refusal(() -> ContentCategory.byCode(99)));
        assertEquals("中文简体", Language.byCode("zh-hans").name());
    }
}
