package icp.filing.adapters.rest;

import icp.filing.application.port.Filings;
import icp.filing.application.port.PageRequest;
import icp.filing.application.usecase.ReviewQueue;
import icp.filing.application.usecase.Supervision;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
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
 * 空壳网站/APP of the bureau's province: filed services that no provider hosts any more, longest without a host
 * first. They stay filed (and in the public query) until the bureau follows them up.
 */
@ApiResponse(responseCode = "4XX", description = "refused; the body says which rule and field",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
// a ministry-only node has no bureau of its own: the provincial side is not served there
@io.micronaut.context.annotation.Requires(property = "icp.node.role", notEquals = "ministry")
@Controller("/api/v1/bureau/shells")
@Secured(BureauAuthenticationProvider.REVIEWER_ROLE)
@ExecuteOn(TaskExecutors.BLOCKING)
final class ShellsController {
    private final ReviewQueue queue;
    private final Supervision supervision;

    ShellsController(ReviewQueue queue, Supervision supervision) {
        this.queue = queue;
        this.supervision = supervision;
    }

    /** The service numbers a clean-up cancelled. */
    @Serdeable
    record CleanUpView(List<String> cancelled) {
    }

    /** 清理空壳: cancels the province's shells older than the notice period (supervisors only). */
    @Post("/clean-up")
    @Secured(BureauAuthenticationProvider.SUPERVISOR_ROLE)
    CleanUpView cleanUp(Authentication user) {
        return new CleanUpView(supervision.cleanUpShells(BureauApplicationsController.reviewer(user)));
    }

    @Get
    PageView<ShellView> list(Authentication user, @Nullable @QueryValue Integer page,
                             @Nullable @QueryValue Integer size) {
        return PageView.of(queue.shells(BureauApplicationsController.reviewer(user), PageRequest.of(page, size)),
                ShellView::of);
    }

    /** One shell: its number and name, its subject, and since when no provider hosts it. */
    @Serdeable
    record ShellView(String serviceNumber, String serviceName, String subjectName, @Nullable Instant unhostedSince) {
        static ShellView of(Filings.Shell shell) {
            return new ShellView(shell.serviceNumber(), shell.serviceName(), shell.subjectName(), shell.since());
        }
    }
}
