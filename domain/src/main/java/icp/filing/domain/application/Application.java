package icp.filing.domain.application;

import icp.filing.domain.error.InvalidInputException;
import icp.filing.domain.error.Reason;
import icp.filing.domain.error.StateConflictException;
import icp.filing.domain.filing.FiledService;
import icp.filing.domain.filing.Approval;
import icp.filing.domain.filing.Filing;
import icp.filing.domain.material.MaterialRef;
import icp.filing.domain.number.FilingNumber;
import icp.filing.domain.service.DomainName;
import icp.filing.domain.service.PublicSuffixes;
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

/**
 * 备案申请: one request of a provider going through review. Every state change is a named method that
 * checks the current state and appends a {@link Transition}, so the history is complete by construction.
 */
public final class Application {
    private final ApplicationId id;
    private final ProviderId provider;
    private final IdempotencyKey idempotencyKey;
    private FilingRequest request;
    private List<MaterialRef> materials;
    private final List<Transition> history;
    private ApplicationState state;
    private FilingNumber subjectNumber;
    private List<FilingNumber> serviceNumbers;
    private final long version;

    private Application(ApplicationId id, ProviderId provider, IdempotencyKey idempotencyKey, FilingRequest request,
                        List<MaterialRef> materials, List<Transition> history, ApplicationState state,
                        FilingNumber subjectNumber, List<FilingNumber> serviceNumbers, long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.provider = Objects.requireNonNull(provider, "provider");
        this.idempotencyKey = idempotencyKey;
        this.request = Objects.requireNonNull(request, "request");
        this.materials = List.copyOf(materials);
        this.history = new ArrayList<>(history);
        this.state = Objects.requireNonNull(state, "state");
        this.subjectNumber = subjectNumber;
        this.serviceNumbers = List.copyOf(serviceNumbers);
        this.version = version;
    }

    /** 首次备案: a new subject with one or more services, as the provider submitted it. */
    public static Application submitNewFiling(ApplicationId id, ProviderId provider, IdempotencyKey idempotencyKey,
                                              Subject subject,
                                              List<Service> services, List<MaterialRef> materials, Instant at) {
        return submit(id, provider, idempotencyKey, new FilingRequest.NewFiling(subject, services), materials, at);
    }

    /** A provider's request of any kind, as submitted. */
    public static Application submit(ApplicationId id, ProviderId provider, IdempotencyKey idempotencyKey,
                                     FilingRequest request, List<MaterialRef> materials, Instant at) {
        checkServices(request);
        Transition submitted = new Transition(null, ApplicationState.SUBMITTED, Actor.provider(provider), at,
                List.of(), null);
        return new Application(id, provider, idempotencyKey, request, materials, List.of(submitted),
                ApplicationState.SUBMITTED, null, List.of(), 0);
    }

    /** Rebuilds a stored application; only persistence calls this. */
    public static Application restore(ApplicationId id, ProviderId provider, IdempotencyKey idempotencyKey,
                                      FilingRequest request, List<MaterialRef> materials,
                                      List<Transition> history, ApplicationState state, FilingNumber subjectNumber,
                                      List<FilingNumber> serviceNumbers, long version) {
        return new Application(id, provider, idempotencyKey, request, materials, history, state, subjectNumber,
                serviceNumbers, version);
    }

    /** 短信核验: the submitted application waits for its principals to confirm by SMS. */
    public void awaitSmsConfirmation(Instant at) {
        require(ApplicationState.SUBMITTED, Reason.APPLICATION_NOT_SUBMITTED);
        moveTo(ApplicationState.AWAITING_SMS_CONFIRMATION, Actor.system(), at, List.of(), null);
    }

    /**
     * Puts the application into the bureau's queue once every principal confirmed by SMS; the 20-working-day review
     * period starts here.
     */
    public void acceptIntoReview(Instant at) {
        require(ApplicationState.AWAITING_SMS_CONFIRMATION, Reason.SMS_NOT_PENDING);
        moveTo(ApplicationState.IN_REVIEW, Actor.system(), at, List.of(), null);
    }

    /** The principals did not confirm in time, or a sixth wrong code came: back to the provider (SMS_NOT_CONFIRMED). */
    public void failSmsConfirmation(Instant at, String why) {
        require(ApplicationState.AWAITING_SMS_CONFIRMATION, Reason.SMS_NOT_PENDING);
        moveTo(ApplicationState.RETURNED, Actor.system(), at, List.of(ReturnReason.SMS_NOT_CONFIRMED), why);
    }

    /**
     * The principals concerned by the request, subject principal first: they confirm it by SMS (one person who is
     * principal twice confirms once).
     */
    public List<icp.filing.domain.subject.Principal> principals() {
        List<icp.filing.domain.subject.Principal> principals = new ArrayList<>();
        principals.add(subject().principal());
        services().forEach(s -> principals.add(s.principal()));
        return principals;
    }

    /** 通过 of a new filing: the subject number is issued, the services are numbered -1, -2A, -3X … in order. */
    public Filing approveNewFiling(Actor reviewer, Instant at, FilingNumber newSubjectNumber,
                                   PublicSuffixes suffixes) {
        require(ApplicationState.IN_REVIEW, Reason.APPLICATION_NOT_IN_REVIEW);
        if (!(request instanceof FilingRequest.NewFiling newFiling)) {
            throw new IllegalStateException(request.operation() + " changes a filing; it does not open one");
        }
        Filing filing = Filing.open(newSubjectNumber, newFiling.subject(), newFiling.services(),
                new Approval(id, provider, reviewer, at), suffixes);
        decide(reviewer, at, filing, filing.services().stream().map(FiledService::number).toList());
        return filing;
    }

    /**
     * 通过 of a change: its effect on the filing, whose own preconditions (the service still filed, the subject not
     * cancelled meanwhile) may still refuse it.
     */
    public void approveChange(Actor reviewer, Instant at, Filing filing, PublicSuffixes suffixes) {
        require(ApplicationState.IN_REVIEW, Reason.APPLICATION_NOT_IN_REVIEW);
        if (!(request instanceof FilingChange change) || !change.subjectNumber().equals(filing.subjectNumber())) {
            throw new IllegalArgumentException("application " + id + " is not about filing " + filing.subjectNumber());
        }
        int before = filing.services().size();
        change.applyTo(filing, new Approval(id, provider, reviewer, at), suffixes);
        List<FilingNumber> numbers = change instanceof FilingChange.AddServices
                ? filing.services().subList(before, filing.services().size()).stream().map(FiledService::number)
                        .toList()
                : change.target().filter(FilingNumber::isServiceNumber).map(List::of).orElse(List.of());
        decide(reviewer, at, filing, numbers);
    }

    private void decide(Actor reviewer, Instant at, Filing filing, List<FilingNumber> numbers) {
        this.subjectNumber = filing.subjectNumber();
        this.serviceNumbers = List.copyOf(numbers);
        moveTo(ApplicationState.APPROVED, reviewer, at, List.of(), null);
    }

    /** 退回: back to the provider with coded reasons (at least one) and the reviewer's comment. */
    public void returnToProvider(Actor reviewer, Instant at, List<ReturnReason> reasons, String comment) {
        require(ApplicationState.IN_REVIEW, Reason.APPLICATION_NOT_IN_REVIEW);
        if (reasons.isEmpty()) {
            throw InvalidInputException.of("reasons", Reason.RETURN_REASON_REQUIRED, "退回至少需要一个原因 / at least one reason");
        }
        moveTo(ApplicationState.RETURNED, reviewer, at, List.copyOf(new java.util.LinkedHashSet<>(reasons)), comment);
    }

    /** 申辩成立: the bureau undoes its return; the application is in review again, its history says why. */
    public void reopenAfterObjection(Actor bureau, Instant at, String answer) {
        require(ApplicationState.RETURNED, Reason.APPLICATION_NOT_RETURNED);
        moveTo(ApplicationState.IN_REVIEW, bureau, at, List.of(), answer);
    }

    /**
     * Resubmission: a returned application, corrected, goes back to the bureau under the same id. What it asks for is
     * replaced by the correction, which must be the same kind of request about the same filing; its history keeps the
     * return and records the resubmission.
     */
    public void resubmit(Actor provider, Instant at, FilingRequest corrected, List<MaterialRef> correctedMaterials) {
        require(ApplicationState.RETURNED, Reason.APPLICATION_NOT_RETURNED);
        if (corrected.operation() != request.operation() || !corrected.target().equals(request.target())) {
            throw InvalidInputException.of(corrected.fieldName(), Reason.INVALID_FORMAT,
                    "重新提交须与原申请同类、同一备案号 / a resubmission corrects the same kind of request about the "
                            + "same number (" + request.operation() + ")");
        }
        checkServices(corrected);
        this.request = corrected;
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

    /** New services need at least one; a domain may appear once in all that a request carries. */
    private static void checkServices(FilingRequest request) {
        List<Service> services = request.services();
        String path = request.fieldName() + ".services";
        if (services.isEmpty() && (request instanceof FilingRequest.NewFiling
                || request instanceof FilingChange.AddServices)) {
            throw InvalidInputException.of(path, Reason.NO_SERVICE, "至少包含一个服务 / at least one service");
        }
        Set<DomainName> seen = new HashSet<>();
        for (int i = 0; i < services.size(); i++) {
            if (services.get(i) instanceof Website w) {
                for (DomainName domain : w.domains()) {
                    if (!seen.add(domain)) {
                        throw InvalidInputException.of(path + "[" + i + "].website.domains",
                                Reason.DUPLICATE_DOMAIN_IN_APPLICATION,
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
        return request.operation();
    }

    public FilingRequest request() {
        return request;
    }

    /** The subject the request is about (see {@link FilingRequest#subject()}); its province decides the bureau. */
    public Subject subject() {
        return request.subject();
    }

    public List<Service> services() {
        return request.services();
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

    /**
     * Once approved, the service numbers the decision was about: those issued to a new filing or added services, in
     * the order submitted; the one service changed, cancelled or accessed.
     */
    public List<FilingNumber> serviceNumbers() {
        return serviceNumbers;
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
