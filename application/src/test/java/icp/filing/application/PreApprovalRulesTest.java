package icp.filing.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import icp.filing.application.command.NewFilingCommand.PreApprovalInput;
import icp.filing.application.command.NewFilingCommand.SubjectInput;
import icp.filing.application.command.NewFilingCommand;
import icp.filing.application.usecase.SubmitApplication;
import icp.filing.domain.application.Application;
import icp.filing.domain.application.ProviderId;
import icp.filing.domain.error.InvalidInputException;
import icp.filing.domain.error.Reason;
import icp.filing.domain.error.Violation;
import icp.filing.domain.material.MaterialKind;
import icp.filing.domain.service.PreApprovalType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PreApprovalRulesTest {
    private static final ProviderId DEMO = new ProviderId("demo");
    private static final int NEWS_CATEGORY = 4;
    private static final int EDUCATION_CATEGORY = 9;
    private final InMemoryPorts ports = new InMemoryPorts();
    private final SubmitApplication submit = new SubmitApplication(ports.applicationStore, ports.checks(5),
            ports.suffixes, ports.transactions, InMemoryPorts.MARCH_2026, ports.smsStep(InMemoryPorts.MARCH_2026));

    private static NewFilingCommand.WebsiteInput website(List<Integer> categories, List<String> languages,
                                                         List<PreApprovalInput> preApprovals) {
        return new NewFilingCommand.WebsiteInput(new NewFilingCommand.ServiceCommon("示例资讯网", Commands.PRINCIPAL,
                Commands.ACCESS, Commands.SERVICE_MATERIALS, categories, languages, preApprovals),
                List.of("example.cn"), null, null);
    }

    private static PreApprovalInput news(String document) {
        return new PreApprovalInput(PreApprovalType.NEWS.code(), "北京市互联网信息办公室", "京网信备11010500001号",
                document);
    }

    private Map<String, Reason> refused(NewFilingCommand command) {
        return assertThrows(InvalidInputException.class, () -> submit.submit(DEMO, command)).violations().stream()
                .collect(Collectors.toMap(Violation::field, Violation::reason));
    }

    @Test
    void newsContentNeedsANewsPreApproval() {
        assertEquals(Map.of("new_filing.services[0].pre_approvals", Reason.PRE_APPROVAL_REQUIRED), refused(Commands.newFiling(
                null, Commands.unit("91110108551385082Q"), website(List.of(NEWS_CATEGORY), List.of("zh-Hans"),
                        List.of()))));

        Application accepted = submit.submit(DEMO, Commands.newFiling(null, Commands.unit("91110108551385082Q"),
                website(List.of(NEWS_CATEGORY), List.of("zh-Hans", "en"),
                        List.of(news(InMemoryPorts.PRE_APPROVAL_DOCUMENT)))));
        var content = accepted.services().get(0).content();
        assertEquals(PreApprovalType.NEWS, content.preApprovals().get(0).type());
        assertEquals(2, content.languages().size());
        assertEquals(1, accepted.materials().stream().filter(m -> m.kind() == MaterialKind.PRE_APPROVAL_DOCUMENT)
                .count());
    }

    @Test
    void thePreApprovalDocumentMustBeOne() {
        assertEquals(Map.of("new_filing.services[0].pre_approvals[0].document_material_id", Reason.MATERIAL_KIND_MISPLACED,
                "new_filing.services[0].material_ids", Reason.MATERIALS_INCOMPLETE), refused(Commands.newFiling(null,
                Commands.unit("91110108551385082Q"), website(List.of(NEWS_CATEGORY), List.of(),
                        List.of(news(InMemoryPorts.SERVICE_PRINCIPAL_ID))))));
    }

    @Test
    void aPersonMayNotOfferContentThatNeedsAPreApproval() {
        SubjectInput person = new SubjectInput(5, "张三", 101, "11010519491231002X", null, null, Commands.PRINCIPAL,
                null, "张三", Commands.SUBJECT_MATERIALS);
        assertEquals(Map.of("new_filing.services[0].content_categories", Reason.PRE_APPROVAL_NOT_FOR_PERSONS),
                refused(Commands.newFiling(null, person, website(List.of(EDUCATION_CATEGORY), List.of(), List.of()))));
    }

    @Test
    void codesComeFromTheCodeTablesAndPreApprovalsAreComplete() {
        assertEquals(Map.of("new_filing.services[0].content_categories[0]", Reason.UNKNOWN_CODE,
                "new_filing.services[0].languages[0]", Reason.UNKNOWN_CODE,
                "new_filing.services[0].pre_approvals[0].authority", Reason.REQUIRED,
                "new_filing.services[0].pre_approvals[0].type", Reason.REQUIRED),
                refused(Commands.newFiling(null, Commands.unit("91110108551385082Q"), website(List.of(99),
                        List.of("klingon"), List.of(new PreApprovalInput(0, " ", "京网信备1号",
                                InMemoryPorts.PRE_APPROVAL_DOCUMENT))))));
    }
}
