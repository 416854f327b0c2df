package icp.filing.adapters.rest;

import icp.filing.application.usecase.Supervision;
import icp.filing.domain.filing.FiledService;
import icp.filing.domain.filing.FilingEvent;
import icp.filing.domain.filing.RecordChain;
import icp.filing.domain.service.DomainName;
import icp.filing.domain.service.IpAddress;
import icp.filing.domain.service.Website;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Instant;
import java.util.List;

/**
 * The province's filings for the bureau: one filing with its services, who hosts them and the record of its life
 * (reviewers); revocation (撤销备案) of a service or of the whole filing (supervisors only; a reviewer gets 403).
 */
@ApiResponse(responseCode = "4XX", description = "refused; the body says which rule and field",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
// a ministry-only node has no bureau of its own: the provincial side is not served there
@io.micronaut.context.annotation.Requires(property = "icp.node.role", notEquals = "ministry")
@Controller("/api/v1/bureau/filings")
@Secured(BureauAuthenticationProvider.REVIEWER_ROLE)
@ExecuteOn(TaskExecutors.BLOCKING)
final class BureauFilingsController {
    private final Supervision supervision;

    BureauFilingsController(Supervision supervision) {
        this.supervision = supervision;
    }

    @Serdeable
    record FilingView(String subjectNumber, String state, ApplicationView.SubjectView subject,
                      List<ServiceView> services, List<EventView> record) {
    }

    @Serdeable
    record ServiceView(String serviceNumber, String kind, String name, String state, boolean shell,
                       @Nullable List<String> domains, List<AccessView> accesses) {
    }

    @Serdeable
    record AccessView(String providerId, String method, List<String> ipAddresses, @Nullable String serverLocation,
                      Instant since) {
    }

    /**
     * One entry of the record: what, about which number, whose request (provider, application), who caused it
     * ({@code actorKind}/{@code actorId}: the reviewer who approved, the supervisor who revoked, the provider for its
     * own access changes), why, when.
     */
    @Serdeable
    record EventView(String kind, String number, @Nullable String providerId, @Nullable String applicationId,
                     @Nullable String actorKind, @Nullable String actorId, List<String> reasons,
                     @Nullable String comment, List<ApplicationView.FieldChangeView> changes, Instant at) {
    }

    /** What a supervisor sends to revoke. */
    @Serdeable
    record RevokeRequest(@Nullable List<String> reasons, @Nullable String comment) {
    }

    @Get("/{number}")
    FilingView get(Authentication user, @PathVariable String number) {
        return view(supervision.read(BureauApplicationsController.reviewer(user), number));
    }

    /** Whether the record's chain of hashes holds; if not, the position of the first entry that breaks it. */
    @Serdeable
    record VerificationView(boolean intact, int entries, @Nullable Integer firstBroken) {
    }

    @Get("/{number}/record/verify")
    VerificationView verify(Authentication user, @PathVariable String number) {
        RecordChain.Verification verification = supervision.verify(BureauApplicationsController.reviewer(user),
                number);
        return new VerificationView(verification.intact(), verification.entries(),
                verification.firstBroken().orElse(null));
    }

    @Post("/{number}/revoke")
    @Secured(BureauAuthenticationProvider.SUPERVISOR_ROLE)
    FilingView revoke(Authentication user, @PathVariable String number, @Body RevokeRequest body) {
        return view(supervision.revoke(BureauApplicationsController.reviewer(user), number, body.reasons(),
                body.comment()));
    }

    private static FilingView view(Supervision.FilingRecord record) {
        var filing = record.filing();
        return new FilingView(filing.subjectNumber().toString(), filing.state().name(),
                ApplicationView.subject(filing.subject()), filing.services().stream()
                .map(BureauFilingsController::service).toList(),
                record.events().stream().map(BureauFilingsController::event).toList());
    }

    private static ServiceView service(FiledService s) {
        return new ServiceView(s.number().toString(), s.service().kind().name(), s.service().name(), s.state().name(),
                s.isShell(), s.service() instanceof Website w ? w.domains().stream().map(DomainName::unicode).toList()
                : null, s.accesses().stream().map(a -> new AccessView(a.provider().value(),
                a.access().method().name(), a.access().ipAddresses().stream().map(IpAddress::value).toList(),
                a.access().serverLocation() == null ? null : a.access().serverLocation().code(), a.since()))
                .toList());
    }

    private static EventView event(FilingEvent e) {
        return new EventView(e.kind().name(), e.number().toString(),
                e.provider() == null ? null : e.provider().value(),
                e.application() == null ? null : e.application().value(),
                e.actor().kind().name(), e.actor().id(), e.reasons(), e.comment(),
                e.changes().stream().map(c -> new ApplicationView.FieldChangeView(c.field(), c.before(), c.after()))
                        .toList(), e.at());
    }
}
