package icp.filing.domain.objection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import icp.filing.domain.application.Actor;
import icp.filing.domain.application.Application;
import icp.filing.domain.application.ApplicationId;
import icp.filing.domain.application.ProviderId;
import icp.filing.domain.application.ReturnReason;
import icp.filing.domain.common.Province;
import icp.filing.domain.error.Reason;
import icp.filing.domain.error.StateConflictException;
import icp.filing.domain.identity.CertificateType;
import icp.filing.domain.identity.EmailAddress;
import icp.filing.domain.identity.PhoneNumber;
import icp.filing.domain.service.Access;
import icp.filing.domain.service.AccessMethod;
import icp.filing.domain.service.DomainName;
import icp.filing.domain.service.Website;
import icp.filing.domain.subject.Principal;
import icp.filing.domain.subject.Subject;
import icp.filing.domain.subject.SubjectNature;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectionTest {
    private static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");
    private static final ProviderId DEMO = new ProviderId("demo");
    private static final Duration PERIOD = Duration.ofDays(15);
    private static final Principal PRINCIPAL = new Principal("张三", CertificateType.RESIDENT_ID_CARD,
            "11010519491231002X", null, new PhoneNumber("13800138000"), new EmailAddress("zhang@example.cn"));
    private static final Subject UNIT = new Subject(SubjectNature.ENTERPRISE, "北京示例科技有限公司",
            CertificateType.UNIFIED_SOCIAL_CREDIT_CODE_CERTIFICATE, "91110108551385082Q", null, Province.BEIJING,
            "北京市海淀区", PRINCIPAL);

    private static Application awaitingSms() {
        Application application = Application.submitNewFiling(ApplicationId.random(), DEMO, null, UNIT, List.of(
                new Website("示例网", List.of(DomainName.parse("example.cn")), null, PRINCIPAL,
                        new Access(AccessMethod.CLOUD, List.of(), Province.BEIJING))), List.of(), T0);
        application.awaitSmsConfirmation(T0);
        return application;
    }

    @Test
    void aReturnByTheBureauMayBeObjectedToWithinThePeriodOnce() {
        Application application = awaitingSms();
        application.acceptIntoReview(T0);
        application.returnToProvider(Actor.reviewer("li"), T0, List.of(ReturnReason.OTHER), "x");

        assertEquals(Reason.OBJECTION_PERIOD_OVER, assertThrows(StateConflictException.class,
                () -> Objection.againstReturn(DEMO, application, "迟了", T0.plus(PERIOD).plusSeconds(1), PERIOD))
                .reason());
        Objection objection = Objection.againstReturn(DEMO, application, "申辩", T0.plus(PERIOD), PERIOD);
        objection.reject(Actor.reviewer("li"), "不成立", T0.plus(PERIOD));
        assertEquals(Objection.State.REJECTED, objection.state());
        assertEquals(Reason.OBJECTION_ALREADY_ANSWERED, assertThrows(StateConflictException.class,
                () -> objection.uphold(Actor.reviewer("li"), null, T0)).reason());
    }

    @Test
    void theSystemsReturnForAnUnconfirmedSmsIsNoDecisionToObjectTo() {
        Application application = awaitingSms();
        application.failSmsConfirmation(T0, "24小时内未完成短信核验");

        assertEquals(Reason.NOTHING_TO_OBJECT_TO, assertThrows(StateConflictException.class,
                () -> Objection.againstReturn(DEMO, application, "申辩", T0, PERIOD)).reason());
    }
}
