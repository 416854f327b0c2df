package icp.filing.adapters.persistence;

import icp.filing.domain.application.Actor;
import icp.filing.domain.application.Application;
import icp.filing.domain.application.ApplicationId;
import icp.filing.domain.application.ApplicationState;
import icp.filing.domain.application.FilingChange;
import icp.filing.domain.application.FilingRequest;
import icp.filing.domain.application.HistoryChain;
import icp.filing.domain.application.IdempotencyKey;
import icp.filing.domain.application.Operation;
import icp.filing.domain.application.ProviderId;
import icp.filing.domain.application.ReturnReason;
import icp.filing.domain.application.Transition;
import icp.filing.domain.common.Province;
import icp.filing.domain.identity.CertificateType;
import icp.filing.domain.identity.EmailAddress;
import icp.filing.domain.identity.PhoneNumber;
import icp.filing.domain.material.MaterialId;
import icp.filing.domain.material.MaterialKind;
import icp.filing.domain.material.MaterialRef;
import icp.filing.domain.number.FilingNumber;
import icp.filing.domain.service.Access;
import icp.filing.domain.service.AccessMethod;
import icp.filing.domain.service.App;
import icp.filing.domain.service.AppIdentity;
import icp.filing.domain.service.AppPlatform;
import icp.filing.domain.service.ContentCategory;
import icp.filing.domain.service.DomainName;
import icp.filing.domain.service.Fingerprint;
import icp.filing.domain.service.IpAddress;
import icp.filing.domain.service.Language;
import icp.filing.domain.service.MiniProgram;
import icp.filing.domain.service.PackageName;
import icp.filing.domain.service.PreApproval;
import icp.filing.domain.service.PreApprovalType;
import icp.filing.domain.service.QuickApp;
import icp.filing.domain.service.Service;
import icp.filing.domain.service.ServiceContent;
import icp.filing.domain.service.ServiceKind;
import icp.filing.domain.service.Website;
import icp.filing.domain.subject.Principal;
import icp.filing.domain.subject.Subject;
import icp.filing.domain.subject.SubjectNature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rows to and from the application aggregate. Rebuilding trusts what was accepted when it was accepted: code
 * tables are read through their {@code restore} (a withdrawn code still loads), numbers, phones and addresses go
 * through the constructors that take them as stored, and no policy that may change runs again.
 */
final class ApplicationRows {
    private ApplicationRows() {
    }

    /** The row of {@code a}, with its content. */
    static ApplicationRow toRow(Application a, StoredContent content) {
        Subject s = a.subject();
        Principal p = s.principal();
        IdempotencyKey key = a.idempotencyKey().orElse(null);
        return new ApplicationRow(a.id().value(), a.provider().value(), key == null ? null : key.requestId(),
                key == null ? null : key.requestDigest(),
                a.operation().name(), a.request().target().map(FilingNumber::toString).orElse(null), a.state().name(), s.province().code(), s.nature().code(), s.name(),
                s.certificateType().code(), s.certificateNumber(), s.certificateValidUntil(), s.address(), p.name(),
                p.certificateType().code(), p.certificateNumber(), p.certificateValidUntil(), p.phone().value(),
                p.email().value(),
                a.subjectNumber().map(FilingNumber::toString).orElse(null),
                a.serviceNumbers().isEmpty() ? null
                        : String.join(",", a.serviceNumbers().stream().map(FilingNumber::toString).toList()),
                UtcColumns.column(a.submittedAt()),
                UtcColumns.column(a.queuedAt().orElse(null)), s.identityKey(), a.state().isOpen() ? openKey(a) : null,
                content, a.version());
    }

    /**
     * What one open application at a time is held on: a new filing's subject identity, or the filing a change is
     * about (a change of subject may carry a new certificate, but it is still about the same filing).
     */
    private static String openKey(Application a) {
        return a.request() instanceof FilingChange change ? "FILING:" + change.subjectNumber()
                : a.subject().identityKey();
    }

    /** A website's domains in their ASCII form, comma-joined (commas cannot occur in a domain); null otherwise. */
    static String joinedDomains(Service service) {
        return service instanceof Website w
                ? String.join(",", w.domains().stream().map(DomainName::ascii).toList()) : null;
    }

    /** A transition as stored, chained to the one before it ({@code previous}, "" for the first). */
    static TransitionRow toRow(String applicationId, int seq, Transition t, String previous) {
        return new TransitionRow(null, applicationId, seq, t.from() == null ? null : t.from().name(), t.to().name(),
                t.actor().kind().name(), t.actor().id(), UtcColumns.column(t.at()),
                t.reasons().isEmpty() ? null : String.join(",", t.reasons().stream().map(Enum::name).toList()),
                t.comment(), previous, HistoryChain.hash(previous, t));
    }

    static HistoryChain.Entry toEntry(TransitionRow row) {
        return new HistoryChain.Entry(toTransition(row), row.prevHash(), row.hash());
    }

    /** The application of a row and its history, the row's content read through {@code content}. */
    static Application toApplication(ApplicationRow row, List<TransitionRow> transitions, ContentMapper content) {
        Principal principal = new Principal(row.principalName(), CertificateType.byCode(row.principalCertificateType()),
                row.principalCertificateNumber(), row.principalCertificateValidUntil(), new PhoneNumber(row.principalPhone()),
                new EmailAddress(row.principalEmail()));
        Subject subject = new Subject(SubjectNature.byCode(row.subjectNature()), row.subjectName(),
                CertificateType.byCode(row.subjectCertificateType()), row.subjectCertificateNumber(),
                row.subjectCertificateValidUntil(), Province.byCode(row.provinceCode()).orElseThrow(), row.subjectAddress(), principal);
        List<Service> carried = row.content().services().stream().map(content::toService).toList();
        FilingRequest request = request(Operation.valueOf(row.operation()),
                row.targetNumber() == null ? null : FilingNumber.parse(row.targetNumber()), subject, carried);
        return Application.restore(new ApplicationId(row.id()), new ProviderId(row.providerId()),
                row.requestId() == null ? null : new IdempotencyKey(row.requestId(),
                        row.requestDigest() == null ? "" : row.requestDigest()),
                request,
                row.content().materials().stream().map(content::toMaterial).toList(),
                transitions.stream().map(ApplicationRows::toTransition).toList(), ApplicationState.valueOf(row.state()),
                row.subjectNumber() == null ? null : FilingNumber.parse(row.subjectNumber()),
                split(row.serviceNumbers()).stream().map(FilingNumber::parse).toList(), row.version());
    }

    /** The request of its kind, from what every kind stores alike: the subject, the services, the number named. */
    private static FilingRequest request(Operation operation, FilingNumber target, Subject subject,
                                         List<Service> services) {
        return switch (operation) {
            case NEW_FILING -> new FilingRequest.NewFiling(subject, services);
            case ADD_SERVICES -> new FilingChange.AddServices(target, subject, services);
            case CHANGE_SUBJECT -> new FilingChange.ChangeSubject(target, subject);
            case CHANGE_SERVICE -> new FilingChange.ChangeService(target, subject, services.get(0));
            case CANCEL_SERVICE -> new FilingChange.CancelService(target, subject);
            case CANCEL_SUBJECT -> new FilingChange.CancelSubject(target, subject);
            case ADD_ACCESS -> new FilingChange.AddAccess(target, subject, services.get(0));
        };
    }

    private static Transition toTransition(TransitionRow r) {
        List<ReturnReason> reasons = split(r.reasons()).stream().map(ReturnReason::valueOf).toList();
        return new Transition(r.fromState() == null ? null : ApplicationState.valueOf(r.fromState()),
                ApplicationState.valueOf(r.toState()), new Actor(Actor.Kind.valueOf(r.actorKind()), r.actorId()),
                UtcColumns.instant(r.at()), reasons, r.comment());
    }

    static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : new ArrayList<>(Arrays.asList(joined.split(",")));
    }
}
