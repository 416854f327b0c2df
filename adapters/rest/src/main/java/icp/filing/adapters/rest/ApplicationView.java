package icp.filing.adapters.rest;

import icp.filing.domain.application.Application;
import icp.filing.domain.application.ReturnReason;
import icp.filing.domain.application.Transition;
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

/**
 * An application in full, for the reviewing bureau: unlike the public query it shows certificates, phones
 * and e-mails, because verifying them is the review.
 */
@Serdeable
record ApplicationView(String id, String providerId, String operation, String state, long version,
                       Instant submittedAt, @Nullable Instant queuedAt, @Nullable String subjectNumber,
                       SubjectView subject, List<ServiceView> services, List<TransitionView> history) {

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
    static ApplicationView of(Application a, ServiceNamePolicy names) {
        List<FilingNumber> numbers = a.serviceNumbers();
        List<ServiceView> services = new ArrayList<>();
        for (int i = 0; i < a.services().size(); i++) {
            Service service = a.services().get(i);
            services.add(service(service, numbers.isEmpty() ? null : numbers.get(i).toString(),
                    names.judge(a.subject(), service.name()).words()));
        }
        return new ApplicationView(a.id().value(), a.provider().value(), a.operation().name(), a.state().name(),
                a.version(), a.submittedAt(), a.queuedAt().orElse(null),
                a.subjectNumber().map(FilingNumber::toString).orElse(null), subject(a.subject()), services,
                a.history().stream().map(ApplicationView::transition).toList());
    }

    private static SubjectView subject(Subject s) {
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
