package icp.filing.domain.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import icp.filing.domain.common.Province;
import icp.filing.domain.error.InvalidInputException;
import icp.filing.domain.error.Reason;
import icp.filing.domain.error.StateConflictException;
import icp.filing.domain.filing.Filing;
import icp.filing.domain.identity.CertificateType;
import icp.filing.domain.identity.EmailAddress;
import icp.filing.domain.identity.PhoneNumber;
import icp.filing.domain.number.FilingNumber;
import icp.filing.domain.service.Access;
import icp.filing.domain.service.AccessMethod;
import icp.filing.domain.service.App;
import icp.filing.domain.service.AppPlatform;
import icp.filing.domain.service.DomainName;
import icp.filing.domain.service.Fingerprint;
import icp.filing.domain.service.MiniProgram;
import icp.filing.domain.service.PackageName;
import icp.filing.domain.service.QuickApp;
import icp.filing.domain.service.Service;
import icp.filing.domain.service.Website;
import icp.filing.domain.subject.Principal;
import icp.filing.domain.subject.Subject;
import icp.filing.domain.subject.SubjectNature;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApplicationTest {
    private static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");
    private static final Principal PRINCIPAL = new Principal("张三", CertificateType.RESIDENT_ID_CARD,
            "11010519491231002X", null, new PhoneNumber("13800138000"), new EmailAddress("zhang@example.cn"));
    private static final Access ACCESS = new Access(AccessMethod.CLOUD, List.of(), Province.BEIJING);
    private static final Subject UNIT = new Subject(SubjectNature.ENTERPRISE, "北京示例科技有限公司",
            CertificateType.UNIFIED_SOCIAL_CREDIT_CODE_CERTIFICATE, "91110108551385082Q", null, Province.BEIJING,
            "北京市海淀区", PRINCIPAL);

    private static Website website(String... domains) {
        return new Website("示例网", List.of(domains).stream().map(DomainName::parse).toList(), null, PRINCIPAL, ACCESS);
    }

    private static Application submitted(List<Service> services) {
        return Application.submitNewFiling(ApplicationId.random(), new ProviderId("demo"), new IdempotencyKey("r-1", "d"), UNIT, services, List.of(),
                T0);
    }

    @Test
    void recordsSubmissionAndQueueEntryInTheHistory() {
        Application application = submitted(List.of(website("example.cn")));
        application.awaitSmsConfirmation(T0.plusSeconds(1));
        application.acceptIntoReview(T0.plusSeconds(1));

        assertEquals(ApplicationState.IN_REVIEW, application.state());
        assertEquals(3, application.history().size());
        Transition queued = application.history().get(2);
        assertEquals(ApplicationState.AWAITING_SMS_CONFIRMATION, queued.from());
        assertEquals(Actor.system(), queued.actor());
        assertEquals(T0.plusSeconds(1), application.queuedAt().orElseThrow());
    }

    @Test
    void numbersEveryServiceInOrderWithItsKindsLetterOnApproval() {
        Application application = submitted(List.of(website("www.example.cn"),
                new App("示例APP", AppPlatform.ANDROID, PackageName.parse("cn.example.app"),
                        Fingerprint.parse("AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99"), PRINCIPAL, ACCESS),
                new MiniProgram("示例小程序", "微信", "wx1234567890abcdef", PRINCIPAL, ACCESS),
                new QuickApp("示例快应用", PackageName.parse("cn.example.quick"), PRINCIPAL, ACCESS)));
        application.awaitSmsConfirmation(T0);
        application.acceptIntoReview(T0);

        FilingNumber number = FilingNumber.issue(Province.BEIJING, 2026, 7);
        Filing filing = application.approveNewFiling(Actor.reviewer("li"), T0.plusSeconds(60), number,
                d -> java.util.Optional.of(DomainName.parse("example.cn")));

        assertEquals(ApplicationState.APPROVED, application.state());
        assertEquals(number, application.subjectNumber().orElseThrow());
        assertEquals(List.of("京ICP备2026000007号-1", "京ICP备2026000007号-2A", "京ICP备2026000007号-3X",
                "京ICP备2026000007号-4K"), filing.services().stream().map(s -> s.number().toString()).toList());
        assertEquals(List.of(DomainName.parse("example.cn")), filing.services().get(0).registrableDomains());
        assertEquals(5, filing.nextServiceSequence());
        assertEquals(Actor.reviewer("li"), application.decision().orElseThrow().actor());
    }

    @Test
    void returnsWithCodedReasonsAndComment() {
        Application application = submitted(List.of(website("example.cn")));
        application.awaitSmsConfirmation(T0);
        application.acceptIntoReview(T0);
        application.returnToProvider(Actor.reviewer("li"), T0.plusSeconds(5),
                List.of(ReturnReason.DOMAIN_HOLDER_MISMATCH, ReturnReason.DOMAIN_HOLDER_MISMATCH), "域名持有者为他人");

        Transition decision = application.decision().orElseThrow();
        assertEquals(ApplicationState.RETURNED, decision.to());
        assertEquals(List.of(ReturnReason.DOMAIN_HOLDER_MISMATCH), decision.reasons());
        assertEquals("域名持有者为他人", decision.comment());
    }

    @Test
    void refusesReturnWithoutReason() {
        Application application = submitted(List.of(website("example.cn")));
        application.awaitSmsConfirmation(T0);
        application.acceptIntoReview(T0);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> application.returnToProvider(Actor.reviewer("li"), T0, List.of(), "no"));
        assertEquals(Reason.RETURN_REASON_REQUIRED, e.reason());
        assertEquals(ApplicationState.IN_REVIEW, application.state());
    }

    @Test
    void refusesToDecideTwice() {
        Application application = submitted(List.of(website("example.cn")));
        application.awaitSmsConfirmation(T0);
        application.acceptIntoReview(T0);
        application.approveNewFiling(Actor.reviewer("li"), T0, FilingNumber.issue(Province.BEIJING, 2026, 1), java.util.Optional::of);
        StateConflictException e = assertThrows(StateConflictException.class,
                () -> application.returnToProvider(Actor.reviewer("wang"), T0, List.of(ReturnReason.OTHER), "x"));
        assertEquals(Reason.APPLICATION_NOT_IN_REVIEW, e.reason());
        assertEquals(4, application.history().size(), "submitted, awaiting SMS, in review, approved");
    }

    @Test
    void refusesReviewBeforeTheApplicationIsQueued() {
        Application application = submitted(List.of(website("example.cn")));
        assertThrows(StateConflictException.class, () -> application.approveNewFiling(Actor.reviewer("li"), T0,
                FilingNumber.issue(Province.BEIJING, 2026, 1), java.util.Optional::of));
    }

    @Test
    void refusesNewFilingWithoutServices() {
        assertEquals(Reason.NO_SERVICE, assertThrows(InvalidInputException.class, () -> submitted(List.of())).reason());
    }

    @Test
    void refusesTheSameDomainInTwoWebsitesOfOneApplication() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> submitted(List.of(website("a.example.cn"), website("b.example.cn", "a.example.cn"))));
        assertEquals(Reason.DUPLICATE_DOMAIN_IN_APPLICATION, e.reason());
        assertTrue(e.violations().get(0).field().equals("new_filing.services[1].website.domains"));
    }

    @Test
    void anApplicationWhosePrincipalsDidNotConfirmGoesBackToTheProvider() {
        Application application = submitted(List.of(website("example.cn")));
        assertEquals(Reason.SMS_NOT_PENDING, assertThrows(StateConflictException.class,
                () -> application.acceptIntoReview(T0)).reason(), "not before the SMS step");
        application.awaitSmsConfirmation(T0);

        application.failSmsConfirmation(T0.plusSeconds(86_400), "24小时内未完成短信核验");

        assertEquals(ApplicationState.RETURNED, application.state());
        assertEquals(List.of(ReturnReason.SMS_NOT_CONFIRMED), application.decision().orElseThrow().reasons());
        assertEquals(Actor.system(), application.decision().orElseThrow().actor());
    }

    @Test
    void theProviderWithdrawsAnOpenApplicationButNotADecidedOne() {
        Application open = submitted(List.of(website("example.cn")));
        open.awaitSmsConfirmation(T0.plusSeconds(1));
        open.acceptIntoReview(T0.plusSeconds(1));
        open.withdraw(Actor.provider(new ProviderId("demo")), Instant.parse("2026-01-02T00:00:00Z"), "客户改主意了");
        assertEquals(ApplicationState.WITHDRAWN, open.state());
        Transition last = open.history().get(open.history().size() - 1);
        assertEquals(Actor.Kind.PROVIDER, last.actor().kind());
        assertEquals("客户改主意了", last.comment());
        assertEquals(Reason.APPLICATION_ALREADY_DECIDED, assertThrows(StateConflictException.class,
                () -> open.withdraw(Actor.provider(new ProviderId("demo")), Instant.now(), null)).reason());
    }
}
