package icp.filing.application.usecase;

import icp.filing.application.command.NewFilingCommand.ServiceInput;
import icp.filing.application.command.NewFilingCommand.SubjectInput;
import icp.filing.application.command.NewFilingCommand;
import icp.filing.domain.error.Reason;
import icp.filing.domain.error.Violations;
import icp.filing.domain.material.MaterialId;
import icp.filing.domain.material.MaterialKind;
import icp.filing.domain.material.MaterialRequirements;
import icp.filing.domain.service.PreApproval;
import icp.filing.domain.service.PublicSuffixes;
import icp.filing.domain.service.Service;
import icp.filing.domain.subject.Subject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

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

    /**
     * The domain objects, and the material ids given for the subject and for each service (checked later), with the
     * field paths they were given at and the material kinds the subject must carry for this kind of request.
     */
    record Assembled(Subject subject, List<Service> services, List<MaterialId> subjectMaterials,
                     List<List<MaterialId>> serviceMaterials, String subjectPath, List<String> servicePaths,
                     Set<MaterialKind> subjectRequirements) {
    }

    /** The services of a request, each read at {@code paths[i]}; the subject they belong to is given. */
    record ServicesRead(List<Service> services, List<List<MaterialId>> materials) {
    }

    ServicesRead services(Subject subject, List<String> paths, List<ServiceInput> inputs) {
        ServiceForm serviceForm = new ServiceForm(violations, today, publicSuffixes, subject);
        List<Service> services = new ArrayList<>();
        List<List<MaterialId>> serviceMaterials = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            services.add(serviceForm.service(paths.get(i), inputs.get(i)));
            List<MaterialId> materials = new ArrayList<>(
                    serviceForm.materialIds(paths.get(i) + ".material_ids", inputs.get(i).common().materialIds()));
            // a pre-approval's document is one of the service's materials too
            Service built = services.get(i);
            if (built != null) {
                built.content().preApprovals().stream().map(PreApproval::document)
                        .filter(id -> !materials.contains(id)).forEach(materials::add);
            }
            serviceMaterials.add(materials);
        }
        return new ServicesRead(services, serviceMaterials);
    }

    /** A subject as given at {@code path} (new filing, change of subject). */
    Subject subject(String path, SubjectInput input) {
        SubjectForm form = new SubjectForm(violations, today, path);
        return input == null ? form.missing(path) : form.subject(input);
    }

    /** Material ids given at {@code path}. */
    List<MaterialId> materialIds(String path, List<String> ids) {
        return new SubjectForm(violations, today, path).materialIds(path, ids);
    }

    /** A list of services bounded before any is read. */
    void bound(String path, List<?> inputs) {
        if (new SubjectForm(violations, today, path).tooMany(path, inputs, SERVICES_MAX)) {
            violations.throwIfAny();
        }
    }

    /** An access as given at {@code path} (a change of access). */
    icp.filing.domain.service.Access access(String path, NewFilingCommand.AccessInput input) {
        return new ServiceForm(violations, today, publicSuffixes, null).access(path, input);
    }

    Violations violations() {
        return violations;
    }

    Assembled assemble(NewFilingCommand command) {
        Subject subject = subject("new_filing.subject", command.subject());
        List<ServiceInput> inputs = command.services() == null ? List.of() : command.services();
        if (inputs.isEmpty()) {
            violations.add("new_filing.services", Reason.NO_SERVICE, "首次备案至少包含一个服务 / at least one service");
        }
        bound("new_filing.services", inputs);
        List<String> paths = IntStream.range(0, inputs.size()).mapToObj(i -> "new_filing.services[" + i + "]").toList();
        ServicesRead read = services(subject, paths, inputs);
        List<MaterialId> subjectMaterials = command.subject() == null ? List.of()
                : materialIds("new_filing.subject.material_ids", command.subject().materialIds());
        violations.throwIfAny();
        return new Assembled(subject, read.services(), subjectMaterials, read.materials(), "new_filing.subject", paths,
                MaterialRequirements.forSubject(subject));
    }
}
