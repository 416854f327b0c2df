package icp.filing.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import icp.filing.application.command.NewFilingCommand.PrincipalInput;
import icp.filing.application.command.NewFilingCommand.SubjectInput;
import icp.filing.application.usecase.SubmitApplication;
import icp.filing.domain.application.Application;
import icp.filing.domain.application.ApplicationState;
import icp.filing.domain.application.ProviderId;
import icp.filing.domain.common.Province;
import icp.filing.domain.error.AlreadyExistsException;
import icp.filing.domain.error.InvalidInputException;
import icp.filing.domain.error.Reason;
import icp.filing.domain.error.Violation;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SubmitApplicationTest {
    private static final ProviderId PROVIDER = new ProviderId("demo");
    private final InMemoryPorts ports = new InMemoryPorts();
    private final SubmitApplication submit = new SubmitApplication(ports.applicationStore, ports.register,
            ports.suffixes, ports.transactions, Clock.fixed(Instant.parse("2026-03-02T02:00:00Z"), ZoneOffset.UTC));

    @Test
    void queuesAValidFilingInTheSubjectsHomeProvince() {
        Application application = submit.submit(PROVIDER,
                Commands.newFiling(null, Commands.unit("91350100M000100Y43"), Commands.website("example.cn")));
        assertEquals(ApplicationState.IN_REVIEW, application.state());
        assertEquals(Province.FUJIAN, application.subject().province());
        assertEquals(1, ports.applications.size());
    }

    @Test
    void reportsEveryViolationWithItsFieldPath() {
        SubjectInput subject = new SubjectInput(4, " ", 1, "91350100M000100Y44", null, null,
                new PrincipalInput("张三", 101, "11010519491231002X", "12345", "not-mail"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> submit.submit(PROVIDER,
                Commands.newFiling(null, subject, Commands.website("ok.cn", "com.cn", "bad..cn"))));
        Map<String, Reason> found = e.violations().stream()
                .collect(Collectors.toMap(Violation::field, Violation::reason));
        assertEquals(Map.of(
                "subject.name", Reason.REQUIRED,
                "subject.certificate_number", Reason.INVALID_CREDIT_CODE,
                "subject.principal.phone", Reason.INVALID_PHONE,
                "subject.principal.email", Reason.INVALID_EMAIL,
                "services[0].domains[1]", Reason.DOMAIN_NOT_REGISTRABLE,
                "services[0].domains[2]", Reason.INVALID_DOMAIN), found);
        assertEquals(0, ports.applications.size());
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
        assertEquals("services[0].domains", e.violations().get(0).field());

        icp.filing.application.command.NewFilingCommand.ServiceInput[] services =
                new icp.filing.application.command.NewFilingCommand.ServiceInput[51];
        java.util.Arrays.fill(services, Commands.website("example.cn"));
        assertEquals(Reason.TOO_MANY, assertThrows(InvalidInputException.class, () -> submit.submit(PROVIDER,
                Commands.newFiling(null, Commands.unit("91350100M000100Y43"), services))).reason());
    }

    @Test
    void refusesADeclaredProvinceThatContradictsTheCertificate() {
        SubjectInput declaredShanghai = new SubjectInput(4, "示例公司", 1, "91110108551385082Q", "沪", null,
                Commands.PRINCIPAL);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> submit.submit(PROVIDER,
                Commands.newFiling(null, declaredShanghai, Commands.website("example.cn"))));
        assertEquals(Reason.CROSS_PROVINCE, e.reason());
        assertEquals("subject.province", e.violations().get(0).field());
    }

    @Test
    void needsADeclaredProvinceWhenTheCertificateCarriesNoRegion() {
        SubjectInput passportHolder = new SubjectInput(5, "John Smith", 102, "E12345678", null, null,
                Commands.PRINCIPAL);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> submit.submit(PROVIDER,
                Commands.newFiling(null, passportHolder, Commands.website("example.cn"))));
        assertEquals("subject.province", e.violations().get(0).field());

        Application accepted = submit.submit(PROVIDER, Commands.newFiling(null,
                new SubjectInput(5, "John Smith", 102, "E12345678", "31", null, Commands.PRINCIPAL),
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
