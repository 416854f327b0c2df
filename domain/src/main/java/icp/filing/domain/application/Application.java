package icp.filing.domain.application;

import icp.filing.domain.error.InvalidInputException;
import icp.filing.domain.error.Reason;
import icp.filing.domain.error.StateConflictException;
import icp.filing.domain.filing.FiledService;
import icp.filing.domain.filing.Filing;
import icp.filing.domain.material.MaterialRef;
import icp.filing.domain.number.FilingNumber;
import icp.filing.domain.service.DomainName;
import icp.filing.domain.service.Service;
import icp.filing.domain.service.Website;
import icp.filing.domain.subject.Subject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * 备案申请: one request of a provider going through review. Every state change is a named method that
 * checks the current state and appends a {@link Transition}, so the history is complete by construction.
 */
public final class Application {
    private final ApplicationId id;
    private final ProviderId provider;
    private final IdempotencyKey idempotencyKey;
    private final Operation operation;
    private Subject subject;
    private List<Service> services;
    private List<MaterialRef> materials;
    private final List<Transition> history;
    private ApplicationState state;
    private FilingNumber subjectNumber;
    private final long version;

    private Application(ApplicationId id, ProviderId provider, IdempotencyKey idempotencyKey, Operation operation, Subject subject,
                        List<Service> services, List<MaterialRef> materials, List<Transition> history,
                        ApplicationState state, FilingNumber subjectNumber, long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.provider = Objects.requireNonNull(provider, "provider");
        this.idempotencyKey = idempotencyKey;
        this.operation = Objects.requireNonNull(operation, "operation");
        this.subject = Objects.requireNonNull(subject, "subject");
        this.services = List.copyOf(services);
        this.materials = List.copyOf(materials);
        this.history = new ArrayList<>(history);
        this.state = Objects.requireNonNull(state, "state");
        this.subjectNumber = subjectNumber;
        this.version = version;
    }

    /** 首次备案: a new subject with one or more services, as the provider submitted it. */
    public static Application submitNewFiling(ApplicationId id, ProviderId provider, IdempotencyKey idempotencyKey,
                                              Subject subject,
                                              List<Service> services, List<MaterialRef> materials, Instant at) {
        if (services.isEmpty()) {
            throw InvalidInputException.of("new_filing.services", Reason.NO_SERVICE, "首次备案至少包含一个服务 / at least one service");
        }
        rejectDomainsListedTwice(services);
        Transition submitted = new Transition(null, ApplicationState.SUBMITTED, Actor.provider(provider), at,
                List.of(), null);
        return new Application(id, provider, idempotencyKey, Operation.NEW_FILING, subject, services, materials,
                List.of(submitted), ApplicationState.SUBMITTED, null, 0);
    }

    /** Rebuilds a stored application; only persistence calls this. */
    public static Application restore(ApplicationId id, ProviderId provider, IdempotencyKey idempotencyKey,
                                      Operation operation,
                                      Subject subject, List<Service> services, List<MaterialRef> materials,
                                      List<Transition> history, ApplicationState state, FilingNumber subjectNumber,
                                      long version) {
        return new Application(id, provider, idempotencyKey, operation, subject, services, materials, history, state,
                subjectNumber, version);
    }

    /**
     * Puts a submitted application into the bureau's queue; the 20-working-day review period starts here.
     * SMS verification will sit between submission and this step.
     */
    public void acceptIntoReview(Instant at) {
        require(ApplicationState.SUBMITTED, Reason.APPLICATION_NOT_SUBMITTED);
        moveTo(ApplicationState.IN_REVIEW, Actor.system(), at, List.of(), null);
    }

    /**
     * 通过: records the subject number and numbers every service -1, -2A, -3X … in submission order.
     *
     * @param registrableDomains the registrable domain of each website domain, which uniqueness is held on
     */
    public Filing approve(Actor reviewer, Instant at, FilingNumber newSubjectNumber,
                          Function<DomainName, DomainName> registrableDomains) {
        require(ApplicationState.IN_REVIEW, Reason.APPLICATION_NOT_IN_REVIEW);
        List<FiledService> filed = new ArrayList<>();
        for (int i = 0; i < services.size(); i++) {
            Service service = services.get(i);
            List<DomainName> registrable = service instanceof Website w
                    ? w.domains().stream().map(registrableDomains).distinct().toList()
                    : List.of();
            filed.add(new FiledService(newSubjectNumber.forService(i + 1, service.kind()), service, registrable));
        }
        this.subjectNumber = newSubjectNumber;
        moveTo(ApplicationState.APPROVED, reviewer, at, List.of(), null);
        return new Filing(newSubjectNumber, subject, filed, id, at);
    }

    /** 退回: back to the provider with coded reasons (at least one) and the reviewer's comment. */
    public void returnToProvider(Actor reviewer, Instant at, List<ReturnReason> reasons, String comment) {
        require(ApplicationState.IN_REVIEW, Reason.APPLICATION_NOT_IN_REVIEW);
        if (reasons.isEmpty()) {
            throw InvalidInputException.of("reasons", Reason.RETURN_REASON_REQUIRED, "退回至少需要一个原因 / at least one reason");
        }
        moveTo(ApplicationState.RETURNED, reviewer, at, List.copyOf(new java.util.LinkedHashSet<>(reasons)), comment);
    }

    /**
     * Resubmission: a returned application, corrected, goes back to the bureau under the same id. What it asks for is
     * replaced by the correction; its history keeps the return and records the resubmission.
     */
    public void resubmit(Actor provider, Instant at, Subject correctedSubject, List<Service> correctedServices,
                         List<MaterialRef> correctedMaterials) {
        require(ApplicationState.RETURNED, Reason.APPLICATION_NOT_RETURNED);
        if (correctedServices.isEmpty()) {
            throw InvalidInputException.of("new_filing.services", Reason.NO_SERVICE,
                    "首次备案至少包含一个服务 / at least one service");
        }
        rejectDomainsListedTwice(correctedServices);
        this.subject = Objects.requireNonNull(correctedSubject, "subject");
        this.services = List.copyOf(correctedServices);
        this.materials = List.copyOf(correctedMaterials);
        moveTo(ApplicationState.SUBMITTED, provider, at, List.of(), null);
    }

    /**
     * 撤回: the provider takes back its own application before the bureau decides. A decided or already withdrawn
     * application cannot be withdrawn; its subject is free for a new application at once.
     */
    public void withdraw(Actor provider, Instant at, String comment) {
        if (!state.isOpen()) {
            throw new StateConflictException(Reason.APPLICATION_ALREADY_DECIDED, "申请已" + state.chineseName()
                    + "，不能撤回 / application " + id + " is " + state + " and can no longer be withdrawn");
        }
        moveTo(ApplicationState.WITHDRAWN, provider, at, List.of(), comment);
    }

    private void require(ApplicationState expected, Reason reason) {
        if (state != expected) {
            throw new StateConflictException(reason, "application " + id + " is " + state + ", not " + expected);
        }
    }

    private void moveTo(ApplicationState to, Actor actor, Instant at, List<ReturnReason> reasons, String comment) {
        history.add(new Transition(state, to, actor, at, reasons, comment));
        state = to;
    }

    private static void rejectDomainsListedTwice(List<Service> services) {
        Set<DomainName> seen = new HashSet<>();
        for (int i = 0; i < services.size(); i++) {
            if (services.get(i) instanceof Website w) {
                for (DomainName domain : w.domains()) {
                    if (!seen.add(domain)) {
                        throw InvalidInputException.of("new_filing.services[" + i + "].website.domains", Reason.DUPLICATE_DOMAIN_IN_APPLICATION,
                                "域名 " + domain + " 在本申请中重复 / " + domain + " is listed twice in this application");
                    }
                }
            }
        }
    }

    public ApplicationId id() {
        return id;
    }

    public ProviderId provider() {
        return provider;
    }

    public Optional<IdempotencyKey> idempotencyKey() {
        return Optional.ofNullable(idempotencyKey);
    }

    public Optional<String> requestId() {
        return idempotencyKey().map(IdempotencyKey::requestId);
    }

    public Operation operation() {
        return operation;
    }

    public Subject subject() {
        return subject;
    }

    public List<Service> services() {
        return services;
    }

    /** The verification materials the application references. */
    public List<MaterialRef> materials() {
        return materials;
    }

    public List<Transition> history() {
        return List.copyOf(history);
    }

    public ApplicationState state() {
        return state;
    }

    public Optional<FilingNumber> subjectNumber() {
        return Optional.ofNullable(subjectNumber);
    }

    /** Service numbers in submission order, once approved: a new filing numbers its services -1, -2 … in order. */
    public List<FilingNumber> serviceNumbers() {
        if (subjectNumber == null) {
            return List.of();
        }
        List<FilingNumber> numbers = new ArrayList<>();
        for (int i = 0; i < services.size(); i++) {
            numbers.add(subjectNumber.forService(i + 1, services.get(i).kind()));
        }
        return numbers;
    }

    /** The version read from storage; a save with a stale version loses the race. */
    public long version() {
        return version;
    }

    public Instant submittedAt() {
        return history.get(0).at();
    }

    /** When the application last entered the review queue: the start of the review period. */
    public Optional<Instant> queuedAt() {
        return lastEntryInto(ApplicationState.IN_REVIEW);
    }

    public Optional<Transition> decision() {
        Transition last = history.get(history.size() - 1);
        return last.to() == ApplicationState.APPROVED || last.to() == ApplicationState.RETURNED
                ? Optional.of(last) : Optional.empty();
    }

    private Optional<Instant> lastEntryInto(ApplicationState target) {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).to() == target) {
                return Optional.of(history.get(i).at());
            }
        }
        return Optional.empty();
    }
}
