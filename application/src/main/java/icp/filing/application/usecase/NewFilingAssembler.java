package icp.filing.application.usecase;

import icp.filing.application.command.NewFilingCommand;
import icp.filing.application.command.NewFilingCommand.ServiceInput;
import icp.filing.domain.error.Reason;
import icp.filing.domain.error.Violations;
import icp.filing.domain.material.MaterialId;
import icp.filing.domain.service.PreApproval;
import icp.filing.domain.service.PublicSuffixes;
import icp.filing.domain.service.Service;
import icp.filing.domain.subject.Subject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a provider's raw input into domain objects, collecting every violation with its field path
 * (new_filing.subject.principal.phone, new_filing.services[1].website.domains[0] …) so one answer lists all that is wrong.
 */
final class NewFilingAssembler {
    /** Bounds that keep one request from costing the system more than any real filing needs. */
    private static final int SERVICES_MAX = 50;
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private final PublicSuffixes publicSuffixes;
    private final LocalDate today;
    private final Violations violations;

    /**
     * @param today      today in China, against which certificate validity is judged
     * @param violations what the caller already found wrong (the request id), reported with the rest
     */
    NewFilingAssembler(PublicSuffixes publicSuffixes, LocalDate today, Violations violations) {
        this.publicSuffixes = publicSuffixes;
        this.today = today;
        this.violations = violations;
    }

    /** An assembler judging certificate validity against today in China, reporting with {@code violations}. */
    static NewFilingAssembler today(PublicSuffixes publicSuffixes, Clock clock, Violations violations) {
        return new NewFilingAssembler(publicSuffixes, clock.instant().atZone(CHINA).toLocalDate(), violations);
    }

    /** The domain objects, and the material ids given for the subject and for each service (checked later). */
    record Assembled(Subject subject, List<Service> services, List<MaterialId> subjectMaterials,
                     List<List<MaterialId>> serviceMaterials) {
    }

    Assembled assemble(NewFilingCommand command) {
        SubjectForm subjectForm = new SubjectForm(violations, today);
        Subject subject = command.subject() == null ? subjectForm.missing("new_filing.subject")
                : subjectForm.subject(command.subject());
        ServiceForm serviceForm = new ServiceForm(violations, today, publicSuffixes, subject);
        List<Service> services = new ArrayList<>();
        List<ServiceInput> inputs = command.services() == null ? List.of() : command.services();
        if (inputs.isEmpty()) {
            violations.add("new_filing.services", Reason.NO_SERVICE, "首次备案至少包含一个服务 / at least one service");
        }
        if (serviceForm.tooMany("new_filing.services", inputs, SERVICES_MAX)) {
            violations.throwIfAny();
        }
        List<List<MaterialId>> serviceMaterials = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            services.add(serviceForm.service("new_filing.services[" + i + "]", inputs.get(i)));
            List<MaterialId> materials = new ArrayList<>(
                    serviceForm.materialIds("new_filing.services[" + i + "].material_ids", inputs.get(i).common().materialIds()));
            // a pre-approval's document is one of the service's materials too
            Service built = services.get(i);
            if (built != null) {
                built.content().preApprovals().stream().map(PreApproval::document)
                        .filter(id -> !materials.contains(id)).forEach(materials::add);
            }
            serviceMaterials.add(materials);
        }
        List<MaterialId> subjectMaterials = command.subject() == null ? List.of()
                : subjectForm.materialIds("new_filing.subject.material_ids", command.subject().materialIds());
        violations.throwIfAny();
        return new Assembled(subject, services, subjectMaterials, serviceMaterials);
    }
}
