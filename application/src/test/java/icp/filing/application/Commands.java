package icp.filing.application;

import icp.filing.application.command.NewFilingCommand;
import icp.filing.application.command.NewFilingCommand.AccessInput;
import icp.filing.application.command.NewFilingCommand.PrincipalInput;
import icp.filing.application.command.NewFilingCommand.ServiceInput;
import icp.filing.application.command.NewFilingCommand.SubjectInput;
import icp.filing.application.command.NewFilingCommand.WebsiteInput;
import java.util.List;

/** Raw commands as a provider would send them. */
final class Commands {
    static final PrincipalInput PRINCIPAL = new PrincipalInput("张三", 101, "11010519491231002X", "13800138000",
            "zhang@example.cn", null, "张三");
    static final AccessInput ACCESS = new AccessInput(4, List.of("203.0.113.7"), "11");
    /** Materials InMemoryPorts holds for the provider "demo": every kind a unit and a service need. */
    static final List<String> SUBJECT_MATERIALS = List.of(InMemoryPorts.SUBJECT_CERTIFICATE,
            InMemoryPorts.SUBJECT_PRINCIPAL_ID, InMemoryPorts.VERIFICATION_FORM);
    static final List<String> SERVICE_MATERIALS = List.of(InMemoryPorts.SERVICE_PRINCIPAL_ID,
            InMemoryPorts.SERVICE_PRINCIPAL_PHOTO);

    private Commands() {
    }

    static SubjectInput unit(String creditCode) {
        return new SubjectInput(4, "北京示例科技有限公司", 1, creditCode, null, null, PRINCIPAL, null, "北京示例科技有限公司",
                SUBJECT_MATERIALS);
    }

    static WebsiteInput website(String... domains) {
        return new WebsiteInput(new NewFilingCommand.ServiceCommon("示例网", PRINCIPAL, ACCESS, SERVICE_MATERIALS),
                List.of(domains), null, null);
    }

    /** A new filing; websites without holder records get the subject as holder of each of their domains. */
    static NewFilingCommand newFiling(String requestId, SubjectInput subject, ServiceInput... services) {
        List<ServiceInput> completed = new java.util.ArrayList<>();
        for (ServiceInput service : services) {
            if (service instanceof WebsiteInput w && w.domainHolders() == null) {
                completed.add(new WebsiteInput(w.common(), w.domains(), w.homeUrl(), w.domains().stream()
                        .map(d -> new NewFilingCommand.DomainHolderInput(d, subject.name(),
                                subject.certificateNumber())).toList()));
            } else {
                completed.add(service);
            }
        }
        return new NewFilingCommand(requestId, subject, completed);
    }
}
