package icp.filing.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import icp.filing.application.command.NewFilingCommand.PrincipalInput;
import icp.filing.application.command.NewFilingCommand.SubjectInput;
import icp.filing.application.command.NewFilingCommand;
import icp.filing.application.usecase.SubmitApplication;
import icp.filing.domain.application.Application;
import icp.filing.domain.application.ApplicationState;
import icp.filing.domain.application.ProviderId;
import icp.filing.domain.common.Province;
import icp.filing.domain.error.AlreadyExistsException;
import icp.filing.domain.error.InvalidInputException;
import icp.filing.domain.error.Reason;
import icp.filing.domain.error.Violation;
import icp.filing.domain.identity.CreditCode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SubmitApplicationTest {
    private static final ProviderId PROVIDER = new ProviderId("demo");
    private final InMemoryPorts ports = new InMemoryPorts();
    private final SubmitApplication submit = new SubmitApplication(ports.applicationStore, ports.checks(2),
            ports.suffixes, ports.transactions, InMemoryPorts.MARCH_2026, ports.smsStep(InMemoryPorts.MARCH_2026));

    @Test
    void queuesAValidFilingInTheSubjectsHomeProvinceOnceItsPrincipalsConfirmedBySms() {
        Application application = submit.submit(PROVIDER,
                Commands.newFiling(null, Commands.unit("91350100M000100Y43"), Commands.website("example.cn")));
        assertEquals(ApplicationState.AWAITING_SMS_CONFIRMATION, application.state());
        assertEquals(Province.FUJIAN, application.subject().province());
        assertEquals(1, ports.applications.size());
        assertEquals(1, ports.sentSms.size(), "张三 is principal of the subject and of the service: one code");

        ports.confirmSms(InMemoryPorts.MARCH_2026);

        assertEquals(ApplicationState.IN_REVIEW, ports.applicationStore.find(application.id()).orElseThrow().state());
    }

    @Test
    void anApplicationNotConfirmedWithin24HoursGoesBackAndItsPrincipalIsToldByEmail() {
        Application application = submit.submit(PROVIDER,
                Commands.newFiling(null, Commands.unit("91350100M000100Y43"), Commands.website("example.cn")));
        java.time.Clock dayLater = java.time.Clock.offset(InMemoryPorts.MARCH_2026, java.time.Duration.ofHours(25));
        var expire = new icp.filing.application.usecase.ExpireSmsVerifications(ports.smsVerifications,
                ports.applicationStore, ports.transactions, dayLater, ports.notifications(dayLater));

        assertEquals(1, expire.run());

        assertEquals(ApplicationState.RETURNED, ports.applicationStore.find(application.id()).orElseThrow().state());
        var mail = ports.outbox.messages(icp.filing.application.port.OutboxMessage.Channel.EMAIL);
        assertEquals(1, mail.size());
        assertEquals("sms-expired", mail.get(0).template());
        assertEquals(application.id().value(), mail.get(0).fields().get("applicationId"));
        assertTrue(ports.outbox.messages(icp.filing.application.port.OutboxMessage.Channel.SMS).stream()
                .allMatch(m -> m.secret()), "the codes sent before are secret: erased once delivered");
    }

    @Test
    void reportsEveryViolationWithItsFieldPath() {
        SubjectInput subject = new SubjectInput(4, " ", 1, "91350100M000100Y44", null, null,
                new PrincipalInput("张三", 101, "11010519491231002X", "12345", "not-mail", null, "张三"), null, " ", Commands.SUBJECT_MATERIALS);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> submit.submit(PROVIDER,
                Commands.newFiling(null, subject, Commands.website("ok.cn", "com.cn", "bad..cn"))));
        Map<String, Reason> found = e.violations().stream()
                .collect(Collectors.toMap(Violation::field, Violation::reason));
        assertEquals(Map.of(
                "new_filing.subject.name", Reason.REQUIRED,
                "new_filing.subject.verified_name", Reason.REQUIRED,
                "new_filing.subject.certificate_number", Reason.INVALID_CREDIT_CODE,
                "new_filing.subject.principal.phone", Reason.INVALID_PHONE,
                "new_filing.subject.principal.email", Reason.INVALID_EMAIL,
                "new_filing.services[0].website.domains[1]", Reason.DOMAIN_NOT_REGISTRABLE,
                "new_filing.services[0].website.domains[2]", Reason.INVALID_DOMAIN), found);
        assertEquals(0, ports.applications.size());
    }

    @Test
    void refusesAnExpiredPrincipalCertificate() {
        PrincipalInput expired = new PrincipalInput("张三", 101, "11010519491231002X", "13800138000",
                "zhang@example.cn", "2026-03-01", "张三");
        SubjectInput subject = new SubjectInput(4, "北京示例科技有限公司", 1, "91110108551385082Q", null, null, expired,
                null, "北京示例科技有限公司", Commands.SUBJECT_MATERIALS);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> submit.submit(PROVIDER,
                Commands.newFiling(null, subject, Commands.website("example.cn"))));
        assertEquals(Map.of("new_filing.subject.principal.certificate_valid_until", Reason.CERTIFICATE_EXPIRED), fields(e));

        // valid through today is still valid
        PrincipalInput lastDay = new PrincipalInput("张三", 101, "11010519491231002X", "13800138000",
                "zhang@example.cn", "2026-03-02", "张三");
        submit.submit(PROVIDER, Commands.newFiling(null, new SubjectInput(4, "北京示例科技有限公司", 1,
                "91110108551385082Q", null, null, lastDay, null, "北京示例科技有限公司", Commands.SUBJECT_MATERIALS), Commands.website("example.cn")));
    }

    @Test
    void aLegacyUnitCertificateNeedsMoreThanThreeMonthsLeft() {
        SubjectInput twoMonths = new SubjectInput(2, "某市某局", 3, "D2143569-X", "11", null, Commands.PRINCIPAL,
                "2026-05-01", "某市某局", Commands.SUBJECT_MATERIALS);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> submit.submit(PROVIDER,
                Commands.newFiling(null, twoMonths, Commands.website("example.cn"))));
        assertEquals(Map.of("new_filing.subject.certificate_valid_until", Reason.LEGACY_CERTIFICATE_EXPIRING), fields(e));

        SubjectInput noEnd = new SubjectInput(2, "某市某局", 3, "D2143569X", "11", null, Commands.PRINCIPAL, null,
                "某市某局", Commands.SUBJECT_MATERIALS);
        assertEquals(Reason.LEGACY_CERTIFICATE_EXPIRING, assertThrows(InvalidInputException.class,
                () -> submit.submit(PROVIDER, Commands.newFiling(null, noEnd, Commands.website("example.cn")))).reason());

        SubjectInput fourMonths = new SubjectInput(2, "某市某局", 3, "d2143569x", "11", null, Commands.PRINCIPAL,
                "2026-07-03", "某市某局", Commands.SUBJECT_MATERIALS);
        Application accepted = submit.submit(PROVIDER, Commands.newFiling(null, fourMonths,
                Commands.website("example.cn")));
        assertEquals("D2143569-X", accepted.subject().certificateNumber());
    }

    @Test
    void refusesANameThatDiffersFromTheVerifiedCertificate() {
        SubjectInput subject = new SubjectInput(4, "北京示例科技公司", 1, "91110108551385082Q", null, null,
                new PrincipalInput("张三", 101, "11010519491231002X", "13800138000", "a@example.cn", null, "张叁"),
                null, "北京示例科技有限公司", Commands.SUBJECT_MATERIALS);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> submit.submit(PROVIDER,
                Commands.newFiling(null, subject, Commands.website("example.cn"))));
        assertEquals(Map.of("new_filing.subject.name", Reason.NAME_MISMATCH, "new_filing.subject.principal.name", Reason.NAME_MISMATCH),
                fields(e));
    }

    @Test
    void refusesANatureTheCreditCodeContradicts() {
        // 91… is an enterprise's code, not a government organ's
        SubjectInput subject = new SubjectInput(2, "北京示例科技有限公司", 1, "91110108551385082Q", null, null,
                Commands.PRINCIPAL, null, "北京示例科技有限公司", Commands.SUBJECT_MATERIALS);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> submit.submit(PROVIDER,
                Commands.newFiling(null, subject, Commands.website("example.cn"))));
        assertEquals(Map.of("new_filing.subject.nature", Reason.NATURE_MISMATCH), fields(e));
    }

    @Test
    void aUnitRegisteredAtTheNationalLevelBelongsToItsDeclaredProvince() {
        String first17 = "91100000MA0000001";
        String national = first17 + CreditCode.checkCharacter(first17);
        SubjectInput declared = new SubjectInput(4, "北京示例科技有限公司", 1, national, "11", null, Commands.PRINCIPAL,
                null, "北京示例科技有限公司", Commands.SUBJECT_MATERIALS);
        assertEquals(Province.BEIJING, submit.submit(PROVIDER,
                Commands.newFiling(null, declared, Commands.website("example.cn"))).subject().province());

        SubjectInput undeclared = new SubjectInput(4, "北京示例科技有限公司", 1, national, null, null, Commands.PRINCIPAL,
                null, "北京示例科技有限公司", Commands.SUBJECT_MATERIALS);
        assertEquals(Map.of("new_filing.subject.province_code", Reason.REQUIRED), fields(assertThrows(
                InvalidInputException.class, () -> submit.submit(PROVIDER,
                        Commands.newFiling(null, undeclared, Commands.website("example2.cn"))))));
    }

    @Test
    void oneFailedRuleDoesNotHideAnother() {
        // a code of no known region, and a government organ's nature that an enterprise's code (91) contradicts
        String first17 = "91990000MA0000001";
        SubjectInput subject = new SubjectInput(2, "示例单位", 1, first17 + CreditCode.checkCharacter(first17), "11",
                null, Commands.PRINCIPAL, null, "示例单位", Commands.SUBJECT_MATERIALS);
        assertEquals(Map.of("new_filing.subject.certificate_number", Reason.UNKNOWN_CODE,
                        "new_filing.subject.nature", Reason.NATURE_MISMATCH),
                fields(assertThrows(InvalidInputException.class, () -> submit.submit(PROVIDER,
                        Commands.newFiling(null, subject, Commands.website("example.cn"))))));
    }

    @Test
    void oneUnitIsOneSubjectWhicheverCertificateCarriesItsCode() {
        submit.submit(PROVIDER, Commands.newFiling(null, Commands.unit("91110108551385082Q"),
                Commands.website("first-cert.cn")));
        SubjectInput asLicence = new SubjectInput(4, "北京示例科技有限公司", 2, "91110108551385082Q", null, null,
                Commands.PRINCIPAL, null, "北京示例科技有限公司", Commands.SUBJECT_MATERIALS);
        assertEquals(Reason.OPEN_APPLICATION_EXISTS, assertThrows(AlreadyExistsException.class,
                () -> submit.submit(PROVIDER, Commands.newFiling(null, asLicence, Commands.website("second-cert.cn"))))
                .reason());
    }

    @Test
    void eachNatureIsProvedByItsOwnCertificates() {
        // an enterprise is proved by its business licence or credit code certificate, not an organisation code
        SubjectInput subject = new SubjectInput(4, "北京示例科技有限公司", 3, "D2143569-X", "11", null,
                Commands.PRINCIPAL, "2030-01-01", "北京示例科技有限公司", Commands.SUBJECT_MATERIALS);
        assertEquals(Map.of("new_filing.subject.certificate_type", Reason.CERTIFICATE_TYPE_MISMATCH), fields(assertThrows(
                InvalidInputException.class, () -> submit.submit(PROVIDER,
                        Commands.newFiling(null, subject, Commands.website("example.cn"))))));
    }

    @Test
    void theDomainHolderMustBeTheSubject() {
        NewFilingCommand.WebsiteInput someoneElses = new NewFilingCommand.WebsiteInput(Commands.website("www.example.cn")
                .common(), List.of("www.example.cn", "shop.example.cn", "other.cn"), null, List.of(
                        new NewFilingCommand.DomainHolderInput("example.cn", "别人的公司", "91110108551385082Q"),
                        new NewFilingCommand.DomainHolderInput("other.cn", "北京示例科技有限公司", "91110108551385082q")));
        assertEquals(Map.of("new_filing.services[0].website.domain_holders[0]", Reason.DOMAIN_HOLDER_MISMATCH), fields(assertThrows(
                InvalidInputException.class, () -> submit.submit(PROVIDER, Commands.newFiling(null,
                        Commands.unit("91110108551385082Q"), someoneElses)))));

        NewFilingCommand.WebsiteInput noHolder = new NewFilingCommand.WebsiteInput(someoneElses.common(),
                List.of("www.example.cn"), null, List.of());
        assertEquals(Map.of("new_filing.services[0].website.domain_holders", Reason.REQUIRED), fields(assertThrows(
                InvalidInputException.class, () -> submit.submit(PROVIDER, Commands.newFiling(null,
                        Commands.unit("91110108551385082Q"), noHolder)))));
    }

    @Test
    void refusesADateThatIsNotADate() {
        SubjectInput subject = new SubjectInput(4, "北京示例科技有限公司", 1, "91110108551385082Q", null, null,
                Commands.PRINCIPAL, "2026/12/31", "北京示例科技有限公司", Commands.SUBJECT_MATERIALS);
        assertEquals(Map.of("new_filing.subject.certificate_valid_until", Reason.INVALID_DATE), fields(assertThrows(
                InvalidInputException.class, () -> submit.submit(PROVIDER,
                        Commands.newFiling(null, subject, Commands.website("example.cn"))))));
    }

    @Test
    void refusesAPrincipalWhoAlreadyServesTheConfiguredNumberOfSubjects() {
        for (String first17 : new String[] {"91110108551385081", "91110108551385083"}) {
            submit.submit(PROVIDER, Commands.newFiling(null, Commands.unit(first17 + checkOf(first17)),
                    Commands.website(first17.substring(12) + ".cn")));
        }
        String third = "91110108551385084";
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> submit.submit(PROVIDER,
                Commands.newFiling(null, Commands.unit(third + checkOf(third)), Commands.website("third.cn"))));
        assertEquals(Map.of("new_filing.subject.principal.certificate_number", Reason.PRINCIPAL_OVERUSED,
                "new_filing.subject.principal.phone", Reason.PRINCIPAL_OVERUSED), fields(e));
    }

    private static char checkOf(String first17) {
        return icp.filing.domain.identity.CreditCode.checkCharacter(first17);
    }

    private static Map<String, Reason> fields(InvalidInputException e) {
        return e.violations().stream().collect(Collectors.toMap(Violation::field, Violation::reason));
    }

    @Test
    void boundsTheSizeOfLists() {
        String[] domains = new String[21];
        for (int i = 0; i < domains.length; i++) {
            domains[i] = "d" + i + ".example.cn";
        }
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> submit.submit(PROVIDER,
                Commands.newFiling(null, Commands.unit("91350100M000100Y43"), Commands.website(domains))));
        assertEquals(Reason.TOO_MANY, e.reason());
        assertEquals("new_filing.services[0].website.domains", e.violations().get(0).field());

        icp.filing.application.command.NewFilingCommand.ServiceInput[] services =
                new icp.filing.application.command.NewFilingCommand.ServiceInput[51];
        java.util.Arrays.fill(services, Commands.website("example.cn"));
        assertEquals(Reason.TOO_MANY, assertThrows(InvalidInputException.class, () -> submit.submit(PROVIDER,
                Commands.newFiling(null, Commands.unit("91350100M000100Y43"), services))).reason());
    }

    @Test
    void refusesADeclaredProvinceThatContradictsTheCertificate() {
        SubjectInput declaredShanghai = new SubjectInput(4, "示例公司", 1, "91110108551385082Q", "沪", null,
                Commands.PRINCIPAL, null, "示例公司", Commands.SUBJECT_MATERIALS);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> submit.submit(PROVIDER,
                Commands.newFiling(null, declaredShanghai, Commands.website("example.cn"))));
        assertEquals(Reason.CROSS_PROVINCE, e.reason());
        assertEquals("new_filing.subject.province_code", e.violations().get(0).field());
    }

    @Test
    void theCertificateAddressMustLieInTheSubjectsProvince() {
        SubjectInput shenzhenAddress = new SubjectInput(4, "示例公司", 1, "91110108551385082Q", null,
                "广东省深圳市南山区科技园", Commands.PRINCIPAL, null, "示例公司", Commands.SUBJECT_MATERIALS);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> submit.submit(PROVIDER,
                Commands.newFiling(null, shenzhenAddress, Commands.website("example.cn"))));
        assertEquals(Map.of("new_filing.subject.address", Reason.CROSS_PROVINCE), fields(e));

        // a certificate without a region code takes its province from the address
        SubjectInput passportHolder = new SubjectInput(5, "John Smith", 102, "E12345678", null, "上海市浦东新区世纪大道1号",
                Commands.PRINCIPAL, null, "John Smith", Commands.SUBJECT_MATERIALS);
        assertEquals(Province.SHANGHAI, submit.submit(PROVIDER, Commands.newFiling(null, passportHolder,
                Commands.website("example.cn"))).subject().province());
    }

    @Test
    void needsADeclaredProvinceWhenTheCertificateCarriesNoRegion() {
        SubjectInput passportHolder = new SubjectInput(5, "John Smith", 102, "E12345678", null, null,
                Commands.PRINCIPAL, null, "John Smith", Commands.SUBJECT_MATERIALS);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> submit.submit(PROVIDER,
                Commands.newFiling(null, passportHolder, Commands.website("example.cn"))));
        assertEquals("new_filing.subject.province_code", e.violations().get(0).field());

        Application accepted = submit.submit(PROVIDER, Commands.newFiling(null,
                new SubjectInput(5, "John Smith", 102, "E12345678", "31", null, Commands.PRINCIPAL, null, "John Smith", Commands.SUBJECT_MATERIALS),
                Commands.website("example.cn")));
        assertEquals(Province.SHANGHAI, accepted.subject().province());
    }

    @Test
    void aRepeatedRequestIdReturnsTheFirstApplication() {
        Application first = submit.submit(PROVIDER,
                Commands.newFiling("r-1", Commands.unit("91350100M000100Y43"), Commands.website("example.cn")));
        Application again = submit.submit(PROVIDER,
                Commands.newFiling("r-1", Commands.unit("91350100M000100Y43"), Commands.website("example.cn")));
        assertSame(first, again);
        assertEquals(1, ports.applications.size());
    }

    @Test
    void refusesASubjectWithAnOpenApplication() {
        submit.submit(PROVIDER, Commands.newFiling(null, Commands.unit("91350100M000100Y43"),
                Commands.website("example.cn")));
        AlreadyExistsException e = assertThrows(AlreadyExistsException.class, () -> submit.submit(PROVIDER,
                Commands.newFiling(null, Commands.unit("91350100M000100Y43"), Commands.website("other.cn"))));
        assertEquals(Reason.OPEN_APPLICATION_EXISTS, e.reason());
    }
}
