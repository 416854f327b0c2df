package icp.filing.adapters.rest;

import icp.filing.application.usecase.ReviewPeriod;
import icp.filing.domain.application.Application;
import icp.filing.domain.application.FilingChange;
import icp.filing.domain.application.ReturnReason;
import icp.filing.domain.application.Transition;
import icp.filing.domain.filing.FieldChange;
import icp.filing.domain.filing.FiledService;
import icp.filing.domain.filing.Filing;
import icp.filing.domain.number.FilingNumber;
import icp.filing.domain.service.App;
import icp.filing.domain.service.DomainName;
import icp.filing.domain.service.IpAddress;
import icp.filing.domain.service.MiniProgram;
import icp.filing.domain.service.QuickApp;
import icp.filing.domain.service.Service;
import icp.filing.domain.service.ServiceNamePolicy;
import icp.filing.domain.service.Website;
import icp.filing.domain.subject.Principal;
import icp.filing.domain.subject.Subject;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An application in full, for the reviewing bureau: unlike the public query it shows certificates, phones
 * and e-mails, because verifying them is the review.
 */
@Serdeable
record ApplicationView(String id, String providerId, String operation, String operationName,
                       @Nullable String targetNumber, String state, long version,
                       Instant submittedAt, @Nullable Instant queuedAt, @Nullable LocalDate deadline,
                       @Nullable Integer workingDaysLeft, boolean overdue, @Nullable String calendar,
                       @Nullable String subjectNumber,
                       SubjectView subject, List<ServiceView> services, @Nullable ServiceView filedService,
                       @Nullable List<FieldChangeView> changes, List<TransitionView> history) {

    /** One field a change request changes: as filed now, and as asked for. */
    @Serdeable
    record FieldChangeView(String field, @Nullable String before, @Nullable String after) {
    }

    @Serdeable
    record SubjectView(int natureCode, String nature, String name, String certificateType, String certificateNumber,
                       @Nullable LocalDate certificateValidUntil, String provinceCode, String province,
                       @Nullable String address, PrincipalView principal) {
    }

    @Serdeable
    record PrincipalView(String name, String certificateType, String certificateNumber,
                         @Nullable LocalDate certificateValidUntil, String phone, String email) {
    }

    @Serdeable
    record ServiceView(String kind, String name, @Nullable String serviceNumber, @Nullable List<String> domains,
                       @Nullable String homeUrl, @Nullable String platform, @Nullable String packageName,
                       @Nullable String signingFingerprint, @Nullable String appId, PrincipalView principal,
                       String accessMethod, List<String> ipAddresses, @Nullable String serverLocation,
                       List<String> restrictedWordsInName, List<String> contentCategories, List<String> languages,
                       List<PreApprovalView> preApprovals) {
    }

    @Serdeable
    record PreApprovalView(String type, String typeName, String authority, String approvalNumber,
                           String documentMaterialId) {
    }

    @Serdeable
    record TransitionView(@Nullable String from, String to, String actorKind, String actorId, Instant at,
                          List<ReasonView> reasons, @Nullable String comment) {
    }

    @Serdeable
    record ReasonView(String code, String text) {
        static ReasonView of(ReturnReason reason) {
            return new ReasonView(reason.name(), reason.chineseText());
        }
    }

    /** @param names judges service names, so the reviewer sees which restricted words need the approval document */
    /**
     * @param filing the filing a change is about, as it stands now: a request naming a service shows the service as
     *               filed ({@code filedService}); a change, while under review, lists what it changes field by field
     *               ({@code changes}; once decided the filing already shows the result, and the list is left out)
     */
    static ApplicationView of(Application a, ServiceNamePolicy names, Optional<Filing> filing,
                              Optional<ReviewPeriod.Standing> period) {
        List<FilingNumber> numbers = a.serviceNumbers();
        List<ServiceView> services = new ArrayList<>();
        for (int i = 0; i < a.services().size(); i++) {
            Service service = a.services().get(i);
            services.add(service(service, i < numbers.size() ? numbers.get(i).toString() : null,
                    names.judge(a.subject(), service.name()).words()));
        }
        FiledService filed = a.request().target().filter(FilingNumber::isServiceNumber)
                .flatMap(n -> filing.flatMap(f -> f.service(n))).orElse(null);
        List<FieldChange> changes = null;
        if (a.state().isOpen() && a.request() instanceof FilingChange.ChangeSubject change && filing.isPresent()) {
            changes = FieldChange.of(filing.get().subject(), change.subject());
        } else if (a.state().isOpen() && a.request() instanceof FilingChange.ChangeService change && filed != null) {
            Service before = filed.service().withAccess(filed.access(a.provider())
                    .map(r -> r.access()).orElse(filed.service().access()));
            changes = FieldChange.of(before, change.service());
        }
        return new ApplicationView(a.id().value(), a.provider().value(), a.operation().name(),
                a.operation().chineseName(), a.request().target().map(FilingNumber::toString).orElse(null),
                a.state().name(), a.version(), a.submittedAt(), a.queuedAt().orElse(null),
                period.map(ReviewPeriod.Standing::deadline).orElse(null),
                period.map(ReviewPeriod.Standing::workingDaysLeft).orElse(null),
                period.map(ReviewPeriod.Standing::overdue).orElse(false),
                period.map(p -> WorkingDaysController.basis(p.basis())).orElse(null),
                a.subjectNumber().map(FilingNumber::toString).orElse(null), subject(a.subject()), services,
                filed == null ? null : service(filed.service(), filed.number().toString(), List.of()),
                changes == null ? null : changes.stream().map(c -> new FieldChangeView(c.field(), c.before(),
                        c.after())).toList(),
                a.history().stream().map(ApplicationView::transition).toList());
    }

    static SubjectView subject(Subject s) {
        return new SubjectView(s.nature().code(), s.nature().chineseName(), s.name(), s.certificateType().name(),
                s.certificateNumber(), s.certificateValidUntil(), s.province().code(), s.province().chineseName(), s.address(),
                principal(s.principal()));
    }

    private static PrincipalView principal(Principal p) {
        return new PrincipalView(p.name(), p.certificateType().name(), p.certificateNumber(), p.certificateValidUntil(),
                p.phone().value(), p.email().value());
    }

    private static ServiceView service(Service s, String number, List<String> restrictedWords) {
        List<String> domains = s instanceof Website w ? w.domains().stream().map(DomainName::ascii).toList() : null;
        String homeUrl = s instanceof Website w ? w.homeUrl() : null;
        String platform = s instanceof App app ? app.platform().name()
                : s instanceof MiniProgram mini ? mini.platform() : null;
        String packageName = s instanceof App app ? app.packageName().value()
                : s instanceof QuickApp quick ? quick.packageName().value() : null;
        String fingerprint = s instanceof App app ? app.signingFingerprint().hex() : null;
        String appId = s instanceof MiniProgram mini ? mini.appId() : null;
        return new ServiceView(s.kind().name(), s.name(), number, domains, homeUrl, platform, packageName, fingerprint,
                appId, principal(s.principal()), s.access().method().name(),
                s.access().ipAddresses().stream().map(IpAddress::value).toList(),
                s.access().serverLocation() == null ? null : s.access().serverLocation().code(), restrictedWords,
                s.content().categories().stream().map(c -> c.name()).toList(),
                s.content().languages().stream().map(l -> l.name()).toList(),
                s.content().preApprovals().stream().map(p -> new PreApprovalView(p.type().name(),
                        p.type().chineseName(), p.authority(), p.approvalNumber(), p.document().value())).toList());
    }

    private static TransitionView transition(Transition t) {
        return new TransitionView(t.from() == null ? null : t.from().name(), t.to().name(), t.actor().kind().name(),
                t.actor().id(), t.at(), t.reasons().stream().map(ReasonView::of).toList(), t.comment());
    }
}
