package icp.filing.domain.filing;

import icp.filing.domain.application.Actor;
import icp.filing.domain.application.ApplicationId;
import icp.filing.domain.application.ProviderId;
import icp.filing.domain.error.AlreadyExistsException;
import icp.filing.domain.error.InvalidInputException;
import icp.filing.domain.error.NotFoundException;
import icp.filing.domain.error.Reason;
import icp.filing.domain.error.StateConflictException;
import icp.filing.domain.filing.FilingEvent.Kind;
import icp.filing.domain.number.FilingNumber;
import icp.filing.domain.service.Access;
import icp.filing.domain.service.DomainName;
import icp.filing.domain.service.PublicSuffixes;
import icp.filing.domain.service.Service;
import icp.filing.domain.service.Website;
import icp.filing.domain.subject.Subject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * 备案: a subject, its services and who hosts them, under one subject number. Every operation of a filing's life is a
 * method here that checks its preconditions, changes the filing and appends a {@link FilingEvent}; the rules that
 * decide whether a request is acceptable in the first place run before, at submission (the policies of this
 * package). Service numbers count up and are never issued twice, not even after a cancellation.
 */
public final class Filing {
    private final FilingNumber subjectNumber;
    private Subject subject;
    private ContentSource subjectSource;
    private FilingState state;
    private final List<FiledService> services;
    private int nextServiceSequence;
    private final Instant filedAt;
    private final long version;
    private final List<FilingEvent> newEvents = new ArrayList<>();

    private Filing(FilingNumber subjectNumber, Subject subject, ContentSource subjectSource, FilingState state,
                   List<FiledService> services, int nextServiceSequence, Instant filedAt, long version) {
        this.subjectNumber = Objects.requireNonNull(subjectNumber, "subjectNumber");
        this.subject = Objects.requireNonNull(subject, "subject");
        this.subjectSource = Objects.requireNonNull(subjectSource, "subjectSource");
        this.state = Objects.requireNonNull(state, "state");
        this.services = new ArrayList<>(services);
        this.nextServiceSequence = nextServiceSequence;
        this.filedAt = Objects.requireNonNull(filedAt, "filedAt");
        this.version = version;
        if (subjectNumber.isServiceNumber()) {
            throw new IllegalArgumentException("a filing is keyed by its subject number");
        }
    }

    /** 首次备案 approved: the subject gets its number and its services -1, -2A, -3X … in the order submitted. */
    public static Filing open(FilingNumber subjectNumber, Subject subject, List<Service> services, Approval approval,
                              PublicSuffixes suffixes) {
        Filing filing = new Filing(subjectNumber, subject, new ContentSource(approval.application(), 0, approval.at()),
                FilingState.FILED, List.of(), 1, approval.at(), 0);
        filing.record(Kind.FILED, subjectNumber, approval);
        filing.addServices(services, approval, suffixes);
        return filing;
    }

    /** Rebuilds a stored filing as it was accepted; only persistence calls this. */
    public static Filing restore(FilingNumber subjectNumber, Subject subject, ContentSource subjectSource,
                                 FilingState state, List<FiledService> services, int nextServiceSequence,
                                 Instant filedAt, long version) {
        return new Filing(subjectNumber, subject, subjectSource, state, services, nextServiceSequence, filedAt,
                version);
    }

    /**
     * 新增网站/APP: numbers continue the subject's sequence, past every number ever issued under it.
     *
     * @return the services as filed, in the order given
     */
    public List<FiledService> addServices(List<Service> added, Approval approval, PublicSuffixes suffixes) {
        requireFiled();
        ProviderId provider = approval.provider();
        Instant at = approval.at();
        List<FiledService> filed = new ArrayList<>();
        for (int i = 0; i < added.size(); i++) {
            Service service = added.get(i);
            FilingNumber number = subjectNumber.forService(nextServiceSequence++, service.kind());
            FiledService one = new FiledService(number, service, FilingState.FILED,
                    List.of(new AccessRecord(provider, service.access(), at)), registrable(service, suffixes),
                    new ContentSource(approval.application(), i, at));
            services.add(one);
            filed.add(one);
            record(Kind.SERVICE_ADDED, number, approval);
        }
        return filed;
    }

    /** 变更主体: what may change was decided at submission ({@link SubjectChangePolicy}); here it takes effect. */
    public void changeSubject(Subject after, Approval approval) {
        requireFiled();
        List<FieldChange> changes = FieldChange.of(subject, Objects.requireNonNull(after, "after"));
        this.subject = after;
        this.subjectSource = new ContentSource(approval.application(), 0, approval.at());
        newEvents.add(new FilingEvent(Kind.SUBJECT_CHANGED, subjectNumber, approval.provider(), approval.application(),
                approval.at(), approval.reviewer(), List.of(), null, changes));
    }

    /**
     * 变更网站/APP: the service as approved replaces what was filed; the requesting provider's access record takes
     * the access it gave with the change.
     */
    public void changeService(FilingNumber number, Service after, Approval approval, PublicSuffixes suffixes) {
        ProviderId provider = approval.provider();
        Instant at = approval.at();
        ContentSource source = new ContentSource(approval.application(), 0, at);
        FiledService before = filedService(number);
        FiledService changed = before.with(after, registrable(after, suffixes), source);
        List<AccessRecord> accesses = new ArrayList<>();
        for (AccessRecord record : before.accesses()) {
            accesses.add(record.provider().equals(provider) ? new AccessRecord(provider, after.access(), at) : record);
        }
        replace(changed.with(accesses));
        Service was = before.service().withAccess(before.access(provider).map(AccessRecord::access)
                .orElse(before.service().access()));
        newEvents.add(new FilingEvent(Kind.SERVICE_CHANGED, number, provider, source.application(), at,
                approval.reviewer(), List.of(), null, FieldChange.of(was, after)));
    }

    /** 注销网站/APP: the number leaves the public query for good; cancelling the last service cancels the subject. */
    public void cancelService(FilingNumber number, Approval approval) {
        replace(filedService(number).with(FilingState.CANCELLED));
        record(Kind.SERVICE_CANCELLED, number, approval);
        if (services.stream().noneMatch(FiledService::isFiled)) {
            state = FilingState.CANCELLED;
            record(Kind.SUBJECT_CANCELLED, subjectNumber, approval);
        }
    }

    /** 注销主体: every service and the subject number leave the public query; the domains become free. */
    public void cancelSubject(Approval approval) {
        requireFiled();
        for (FiledService service : List.copyOf(services)) {
            if (service.isFiled()) {
                replace(service.with(FilingState.CANCELLED));
                record(Kind.SERVICE_CANCELLED, service.number(), approval);
            }
        }
        state = FilingState.CANCELLED;
        record(Kind.SUBJECT_CANCELLED, subjectNumber, approval);
    }

    /**
     * 撤销备案: the bureau revokes a service, or with a subject number the whole filing, for coded reasons. A revoked
     * number leaves the public query and is never issued again; revoking the last filed service revokes the subject.
     */
    public void revoke(FilingNumber number, Actor supervisor, List<RevocationReason> reasons, String comment,
                       Instant at) {
        if (reasons.isEmpty()) {
            throw InvalidInputException.of("reasons", Reason.RETURN_REASON_REQUIRED,
                    "撤销至少需要一个原因 / at least one reason");
        }
        List<String> codes = reasons.stream().distinct().map(Enum::name).toList();
        List<FiledService> revoked = number.isServiceNumber() ? List.of(filedService(number)) : filedServicesNow();
        for (FiledService service : revoked) {
            replace(service.with(FilingState.REVOKED));
            newEvents.add(new FilingEvent(Kind.SERVICE_REVOKED, service.number(), null, null, at, supervisor, codes,
                    comment));
        }
        if (services.stream().noneMatch(FiledService::isFiled)) {
            state = FilingState.REVOKED;
            newEvents.add(new FilingEvent(Kind.SUBJECT_REVOKED, subjectNumber, null, null, at, supervisor, codes,
                    comment));
        }
    }

    /**
     * 清理空壳: the bureau cancels a service nobody has hosted for the notice period; the record says who and why
     * (SHELL). Cancelling the subject's last service cancels the subject, as a provider's cancellation does.
     */
    public void cleanUpShell(FilingNumber number, Actor supervisor, Instant at) {
        FiledService service = filedService(number);
        if (!service.isShell()) {
            throw new StateConflictException(Reason.NOT_A_SHELL, "服务仍有接入 / " + number + " is hosted");
        }
        List<String> why = List.of(RevocationReason.SHELL.name());
        replace(service.with(FilingState.CANCELLED));
        newEvents.add(new FilingEvent(Kind.SERVICE_CANCELLED, number, null, null, at, supervisor, why, null));
        if (services.stream().noneMatch(FiledService::isFiled)) {
            state = FilingState.CANCELLED;
            newEvents.add(new FilingEvent(Kind.SUBJECT_CANCELLED, subjectNumber, null, null, at, supervisor, why,
                    null));
        }
    }

    /**
     * 申辩成立 against a revocation: what the bureau revoked is filed again — a service, or with the subject number the
     * subject and every service revoked with it. Its numbers and domains are its own again (the register refuses if
     * another subject took a domain meanwhile).
     */
    public void reinstate(FilingNumber number, Actor bureau, String answer, Instant at) {
        List<FiledService> revoked = number.isServiceNumber()
                ? service(number).filter(s -> s.state() == FilingState.REVOKED).map(List::of).orElse(List.of())
                : services.stream().filter(s -> s.state() == FilingState.REVOKED).toList();
        if (revoked.isEmpty() && !(state == FilingState.REVOKED && !number.isServiceNumber())) {
            throw new StateConflictException(Reason.NOTHING_TO_OBJECT_TO, "未被撤销 / " + number + " is not revoked");
        }
        for (FiledService service : revoked) {
            replace(service.with(FilingState.FILED));
            newEvents.add(new FilingEvent(Kind.SERVICE_REINSTATED, service.number(), null, null, at, bureau,
                    List.of(), answer));
        }
        if (state == FilingState.REVOKED) {
            state = FilingState.FILED;
            newEvents.add(new FilingEvent(Kind.SUBJECT_REINSTATED, subjectNumber, null, null, at, bureau, List.of(),
                    answer));
        }
    }

    private List<FiledService> filedServicesNow() {
        requireFiled();
        return filedServices();
    }

    /** 新增接入: a second provider hosts a filed service too. */
    public void addAccess(FilingNumber number, Access access, Approval approval) {
        ProviderId provider = approval.provider();
        FiledService service = filedService(number);
        if (service.isHostedBy(provider)) {
            throw new AlreadyExistsException(Reason.ALREADY_HOSTED,
                    "已接入该服务 / the provider already hosts " + number);
        }
        List<AccessRecord> accesses = new ArrayList<>(service.accesses());
        accesses.add(new AccessRecord(provider, access, approval.at()));
        replace(service.with(accesses));
        record(Kind.ACCESS_ADDED, number, approval);
    }

    /** 变更接入: the provider's own IPs, method and server location; no review, recorded. */
    public void changeAccess(FilingNumber number, ProviderId provider, Access access, Instant at) {
        FiledService service = hostedService(number, provider);
        replace(service.with(service.accesses().stream()
                .map(a -> a.provider().equals(provider) ? new AccessRecord(provider, access, at) : a).toList()));
        record(Kind.ACCESS_CHANGED, number, provider, null, at);
    }

    /** 取消接入: the provider stops hosting; no review. A service nobody hosts stays filed as a shell (空壳). */
    public void cancelAccess(FilingNumber number, ProviderId provider, Instant at) {
        FiledService service = hostedService(number, provider);
        replace(service.with(service.accesses().stream().filter(a -> !a.provider().equals(provider)).toList()));
        record(Kind.ACCESS_CANCELLED, number, provider, null, at);
    }

    /**
     * Only the providers hosting one of its services (a cancelled service keeps the access it had) may see a filing,
     * change or cancel it.
     */
    public boolean isHostedBy(ProviderId provider) {
        return services.stream().anyMatch(s -> s.isHostedBy(provider));
    }

    /** Whether the provider hosts a service that is filed now: only such a provider may ask to change the filing. */
    public boolean hostsFiledService(ProviderId provider) {
        return services.stream().anyMatch(s -> s.isFiled() && s.isHostedBy(provider));
    }

    public Optional<FiledService> service(FilingNumber number) {
        return services.stream().filter(s -> s.number().equals(number)).findFirst();
    }

    /** A service that is filed now; one that never was, or has been cancelled, cannot be changed. */
    public FiledService filedService(FilingNumber number) {
        requireFiled();
        FiledService service = service(number).orElseThrow(() -> new NotFoundException(Reason.FILING_NOT_FOUND,
                "没有该备案号 / no such filing number " + number));
        if (!service.isFiled()) {
            throw new StateConflictException(Reason.SERVICE_NOT_FILED, "服务已" + service.state().chineseName()
                    + " / service " + number + " is " + service.state());
        }
        return service;
    }

    private FiledService hostedService(FilingNumber number, ProviderId provider) {
        FiledService service = filedService(number);
        if (!service.isHostedBy(provider)) {
            // a provider that does not host the service learns nothing about it
            throw new NotFoundException(Reason.FILING_NOT_FOUND, "没有该备案号 / no such filing number " + number);
        }
        return service;
    }

    /** Refuses any request about a cancelled or revoked subject (SUBJECT_NOT_FILED). */
    public void requireFiled() {
        if (state != FilingState.FILED) {
            throw new StateConflictException(Reason.SUBJECT_NOT_FILED, "主体已" + state.chineseName()
                    + " / subject " + subjectNumber + " is " + state);
        }
    }

    private void replace(FiledService changed) {
        services.replaceAll(s -> s.number().equals(changed.number()) ? changed : s);
    }

    /** An entry of the provider's own act, which takes effect without review: the provider is its actor. */
    private void record(Kind kind, FilingNumber number, ProviderId provider, ApplicationId application, Instant at) {
        newEvents.add(new FilingEvent(kind, number, provider, application, at));
    }

    /** An entry of an approved application: the provider asked, the reviewer approved. */
    private void record(Kind kind, FilingNumber number, Approval approval) {
        newEvents.add(new FilingEvent(kind, number, approval.provider(), approval.application(), approval.at(),
                approval.reviewer(), List.of(), null));
    }

    private static List<DomainName> registrable(Service service, PublicSuffixes suffixes) {
        return service instanceof Website w
                ? w.domains().stream().map(d -> suffixes.registrableDomain(d).orElse(d)).distinct().toList()
                : List.of();
    }

    public FilingNumber subjectNumber() {
        return subjectNumber;
    }

    public Subject subject() {
        return subject;
    }

    public ContentSource subjectSource() {
        return subjectSource;
    }

    public FilingState state() {
        return state;
    }

    public boolean isFiled() {
        return state == FilingState.FILED;
    }

    /** Every service ever filed under the subject, cancelled ones included, in number order. */
    public List<FiledService> services() {
        return List.copyOf(services);
    }

    public List<FiledService> filedServices() {
        return services.stream().filter(FiledService::isFiled).toList();
    }

    /** The sequence the next added service gets: one past the highest ever issued. */
    public int nextServiceSequence() {
        return nextServiceSequence;
    }

    public Instant filedAt() {
        return filedAt;
    }

    public long version() {
        return version;
    }

    /** What happened since the filing was loaded or opened, oldest first; persistence appends these. */
    public List<FilingEvent> newEvents() {
        return List.copyOf(newEvents);
    }
}
