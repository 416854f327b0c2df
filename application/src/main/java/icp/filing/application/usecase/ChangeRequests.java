package icp.filing.application.usecase;

import icp.filing.application.command.FilingChangeCommand;
import icp.filing.application.port.Filings;
import icp.filing.domain.application.FilingChange;
import icp.filing.domain.application.Operation;
import icp.filing.domain.application.ProviderId;
import icp.filing.domain.common.Text;
import icp.filing.domain.error.AlreadyExistsException;
import icp.filing.domain.error.NotFoundException;
import icp.filing.domain.error.Reason;
import icp.filing.domain.error.Violations;
import icp.filing.domain.filing.FiledService;
import icp.filing.domain.filing.Filing;
import icp.filing.domain.filing.ServiceChangePolicy;
import icp.filing.domain.filing.SubjectChangePolicy;
import icp.filing.domain.material.MaterialId;
import icp.filing.domain.material.MaterialKind;
import icp.filing.domain.material.MaterialRef;
import icp.filing.domain.material.MaterialRequirements;
import icp.filing.domain.number.FilingNumber;
import icp.filing.domain.service.PublicSuffixes;
import icp.filing.domain.service.Service;
import icp.filing.domain.subject.Subject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * A provider asks to change a filed subject: add services, change the subject or a service, cancel either, or start
 * hosting a service. The filing is named by its number; a provider that hosts none of it (the service, for a
 * service's change or cancellation) gets NOT_FOUND, as if the number did not exist — except for add access, which is
 * how a provider comes in. Retries with the same request id answer the first result, as for a new filing.
 */
/**
 * Reads a request about a filed subject against its filing and runs every rule that decides whether it is
 * acceptable; the caller holds the transaction. Shared by submission and resubmission, so a correction passes the
 * very rules the first submission did.
 */
@Singleton
public final class ChangeRequests {
    private final Filings filings;
    private final RegisterChecks register;
    private final ContentChecks content;
    private final MaterialChecks materials;
    private final PublicSuffixes publicSuffixes;
    private final Clock clock;

    public ChangeRequests(Filings filings, RegisterChecks register, ContentChecks content, MaterialChecks materials,
                          PublicSuffixes publicSuffixes, Clock clock) {
        this.filings = filings;
        this.register = register;
        this.content = content;
        this.materials = materials;
        this.publicSuffixes = publicSuffixes;
        this.clock = clock;
    }

    /** The request of its kind and the materials it references. */
    record Request(FilingChange change, List<MaterialRef> materials) {
    }

    /**
     * @param violations what the caller already found wrong (the request id), answered with the rest
     * @throws icp.filing.domain.error.NotFoundException FILING_NOT_FOUND unless the provider may act on the filing
     */
    Request read(ProviderId provider, FilingChangeCommand command, Violations violations) {
        FilingNumber number = number(command, violations);
        violations.throwIfAny();
        Filing filing = visibleFiling(provider, command, number);
        return read(provider, command, filing, number, NewFilingAssembler.today(publicSuffixes, clock, violations));
    }

    /** Reads the request of its kind against the filing, runs every rule, and answers all violations at once. */
    private Request read(ProviderId provider, FilingChangeCommand command, Filing filing, FilingNumber number,
                         NewFilingAssembler assembler) {
        Violations violations = assembler.violations();
        String root = command.root();
        Subject filed = filing.subject();
        List<MaterialId> subjectMaterials = assembler.materialIds(root + ".material_ids", command.materialIds());
        Set<MaterialKind> verificationForm = EnumSet.of(MaterialKind.VERIFICATION_FORM);
        switch (command.operation()) {
            case ADD_SERVICES -> {
                assembler.bound(root + ".services", command.services());
                if (command.services().isEmpty()) {
                    violations.add(root + ".services", Reason.NO_SERVICE, "至少包含一个服务 / at least one service");
                }
                List<String> paths = paths(root + ".services", command.services().size());
                NewFilingAssembler.ServicesRead read = assembler.services(filed, paths, command.services());
                violations.throwIfAny();
                NewFilingAssembler.Assembled input = new NewFilingAssembler.Assembled(filed, read.services(),
                        subjectMaterials, read.materials(), root, paths, verificationForm);
                register.checkAdded(input, filing, violations);
                List<MaterialRef> refs = content.check(provider, input, violations);
                violations.throwIfAny();
                return new Request(new FilingChange.AddServices(filing.subjectNumber(), filed, read.services()), refs);
            }
            case CHANGE_SERVICE, ADD_ACCESS -> {
                String path = root + ".service";
                if (command.services().size() != 1) {
                    violations.add(path, Reason.REQUIRED, "须给出一个服务 / exactly one service is needed");
                    violations.throwIfAny();
                }
                NewFilingAssembler.ServicesRead read = assembler.services(filed, List.of(path), command.services());
                violations.throwIfAny();
                Service service = read.services().get(0);
                FiledService before = filing.filedService(number);
                if (command.operation() == Operation.ADD_ACCESS && before.isHostedBy(provider)) {
                    throw new AlreadyExistsException(Reason.ALREADY_HOSTED, "已接入该服务，变更请用变更接入 / the "
                            + "caller already hosts " + number + "; ChangeAccess changes its access");
                }
                NewFilingAssembler.Assembled input = new NewFilingAssembler.Assembled(filed, read.services(),
                        subjectMaterials, read.materials(), root, List.of(path), verificationForm);
                List<MaterialRef> refs;
                if (command.operation() == Operation.CHANGE_SERVICE) {
                    ServiceChangePolicy.check(before, service, path).forEach(violations::add);
                    refs = content.check(provider, input, violations);
                } else {
                    ServiceChangePolicy.checkSameService(before, service, path).forEach(violations::add);
                    refs = materials.resolve(provider, input, List.of(MaterialRequirements.forService(service)),
                            violations);
                }
                violations.throwIfAny();
                FilingChange change = command.operation() == Operation.CHANGE_SERVICE
                        ? new FilingChange.ChangeService(number, filed, service)
                        : new FilingChange.AddAccess(number, filed, service);
                return new Request(change, refs);
            }
            case CHANGE_SUBJECT -> {
                String path = root + ".subject";
                Subject after = assembler.subject(path, command.subject());
                List<MaterialId> given = command.subject() == null ? List.of()
                        : assembler.materialIds(path + ".material_ids", command.subject().materialIds());
                violations.throwIfAny();
                NewFilingAssembler.Assembled input = new NewFilingAssembler.Assembled(after, List.of(), given,
                        List.of(), path, List.of(), verificationForm);
                List<MaterialRef> refs = materials.resolve(provider, input, List.of(), violations);
                boolean newCertificate = refs.stream().anyMatch(r -> r.kind() == MaterialKind.SUBJECT_CERTIFICATE);
                SubjectChangePolicy.check(filed, after, newCertificate, path).forEach(violations::add);
                if (!after.identityKey().equals(filed.identityKey()) && filings.isSubjectFiled(after)) {
                    violations.add(path + ".certificate_number", Reason.SUBJECT_ALREADY_FILED,
                            "该证件的主体已有备案 / a subject with this certificate is already filed");
                }
                register.checkChangedSubject(input, violations);
                violations.throwIfAny();
                return new Request(new FilingChange.ChangeSubject(filing.subjectNumber(), after), refs);
            }
            case CANCEL_SERVICE, CANCEL_SUBJECT -> {
                NewFilingAssembler.Assembled input = new NewFilingAssembler.Assembled(filed, List.of(),
                        subjectMaterials, List.of(), root, List.of(), Set.of());
                List<MaterialRef> refs = materials.resolve(provider, input, List.of(), violations);
                violations.throwIfAny();
                FilingChange change = command.operation() == Operation.CANCEL_SERVICE
                        ? new FilingChange.CancelService(number, filed)
                        : new FilingChange.CancelSubject(filing.subjectNumber(), filed);
                return new Request(change, refs);
            }
            default -> throw new IllegalArgumentException(command.operation() + " is not a change");
        }
    }

    private static List<String> paths(String list, int size) {
        return IntStream.range(0, size).mapToObj(i -> list + "[" + i + "]").toList();
    }

    /** The number the request names, of the kind it must be: a subject number, or a service number. */
    private static FilingNumber number(FilingChangeCommand command, Violations violations) {
        String field = command.numberField();
        FilingNumber number = violations.check(field, () -> FilingNumber.parse(Text.identifier(command.number())));
        if (number != null && number.isServiceNumber() != command.namesService()) {
            violations.add(field, Reason.INVALID_FILING_NUMBER, command.namesService()
                    ? "需要服务备案号，如 京ICP备2024012345号-1 / a service number (…号-1) is needed"
                    : "需要主体备案号，如 京ICP备2024012345号 / a subject number, without a service suffix, is needed");
        }
        return number;
    }

    /**
     * The filing, if the provider may act on it. Nobody learns whether a number exists that they do not host; add
     * access is the exception, since the numbers are public and it is how a second provider starts hosting.
     */
    private Filing visibleFiling(ProviderId provider, FilingChangeCommand command, FilingNumber number) {
        NotFoundException notFound = new NotFoundException(Reason.FILING_NOT_FOUND,
                "没有该备案号 / no filing " + number + " hosted by the caller");
        Filing filing = filings.find(number.subjectNumber()).orElseThrow(() -> notFound);
        boolean visible = switch (command.operation()) {
            case ADD_ACCESS -> true;
            case CHANGE_SERVICE, CANCEL_SERVICE -> filing.service(number).filter(s -> s.isHostedBy(provider))
                    .isPresent();
            // a provider that hosted a cancelled filing learns why it cannot change it; one that left a filed one, nothing
            default -> filing.isFiled() ? filing.hostsFiledService(provider) : filing.isHostedBy(provider);
        };
        if (!visible) {
            throw notFound;
        }
        if (command.namesService()) {
            filing.filedService(number);
        } else {
            filing.requireFiled();
        }
        return filing;
    }

}
