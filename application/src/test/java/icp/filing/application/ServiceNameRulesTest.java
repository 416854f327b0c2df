package icp.filing.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import icp.filing.application.command.NewFilingCommand.SubjectInput;
import icp.filing.application.command.NewFilingCommand;
import icp.filing.application.usecase.SubmitApplication;
import icp.filing.domain.application.Application;
import icp.filing.domain.application.ProviderId;
import icp.filing.domain.error.InvalidInputException;
import icp.filing.domain.error.Reason;
import icp.filing.domain.material.MaterialKind;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceNameRulesTest {
    private static final ProviderId DEMO = new ProviderId("demo");
    private final InMemoryPorts ports = new InMemoryPorts();
    private final SubmitApplication submit = new SubmitApplication(ports.applicationStore, ports.checks(5),
            ports.suffixes, ports.transactions, InMemoryPorts.MARCH_2026, ports.smsStep(InMemoryPorts.MARCH_2026));

    private static NewFilingCommand.WebsiteInput named(String name, String... extraMaterials) {
        List<String> materials = new ArrayList<>(Commands.SERVICE_MATERIALS);
        materials.addAll(List.of(extraMaterials));
        return new NewFilingCommand.WebsiteInput(new NewFilingCommand.ServiceCommon(name, Commands.PRINCIPAL,
                Commands.ACCESS, materials), List.of("example.cn"), null, null);
    }

    private static SubjectInput person() {
        return new SubjectInput(5, "张三", 101, "11010519491231002X", null, null, Commands.PRINCIPAL, null, "张三",
                Commands.SUBJECT_MATERIALS);
    }

    @Test
    void aPersonsServiceNameMayNotCarryARestrictedWord() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> submit.submit(DEMO,
                Commands.newFiling(null, person(), named("中国维权之家"))));
        assertEquals(Reason.RESTRICTED_WORD_IN_NAME, e.reason());
        assertEquals("new_filing.services[0].name", e.violations().get(0).field());
        assertEquals(true, e.violations().get(0).message().contains("中国、维权"), e.violations().get(0).message());
    }

    @Test
    void aUnitNeedsTheNameApprovalDocumentForARestrictedWord() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> submit.submit(DEMO,
                Commands.newFiling(null, Commands.unit("91110108551385082Q"), named("人民生活网"))));
        assertEquals(Reason.MATERIALS_INCOMPLETE, e.reason());
        assertEquals("new_filing.services[0].material_ids", e.violations().get(0).field());

        Application accepted = submit.submit(DEMO, Commands.newFiling(null, Commands.unit("91110108551385082Q"),
                named("人民生活网", InMemoryPorts.NAME_APPROVAL_DOCUMENT)));
        assertEquals(1, accepted.materials().stream()
                .filter(m -> m.kind() == MaterialKind.NAME_APPROVAL_DOCUMENT).count());
    }

    @Test
    void provincesAddTheirOwnWords() {
        // 首都 is restricted in Beijing only (an addition configured for the test)
        assertEquals(Reason.RESTRICTED_WORD_IN_NAME, assertThrows(InvalidInputException.class,
                () -> submit.submit(DEMO, Commands.newFiling(null, person(), named("首都美食")))).reason());
        SubjectInput shanghaiPerson = new SubjectInput(5, "李四", 101, "310115198501010012", null, null,
                Commands.PRINCIPAL, null, "李四", Commands.SUBJECT_MATERIALS);
        submit.submit(DEMO, Commands.newFiling(null, shanghaiPerson, named("首都美食")));
    }

    @Test
    void anOrdinaryNamePasses() {
        submit.submit(DEMO, Commands.newFiling(null, person(), named("张三的摄影博客")));
    }
}
