package icp.filing.adapters.rest;

import icp.filing.application.port.PageRequest;
import icp.filing.application.usecase.ReviewApplication;
import icp.filing.application.usecase.ReviewMaterials;
import icp.filing.application.usecase.ReviewPeriod;
import icp.filing.application.usecase.ReviewQueue;
import icp.filing.application.usecase.Reviewer;
import icp.filing.domain.application.Application;
import icp.filing.domain.application.ApplicationState;
import icp.filing.domain.application.ReturnReason;
import icp.filing.domain.common.Province;
import icp.filing.domain.common.Text;
import icp.filing.domain.error.InvalidInputException;
import icp.filing.domain.error.Reason;
import icp.filing.domain.error.Violations;
import icp.filing.domain.service.ServiceNamePolicy;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.ArrayList;
import java.util.List;

/** The bureau's review API: the province's queue, one application in full, approve, return. */
@ApiResponse(responseCode = "4XX", description = "refused; the body says which rule and field",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
// a ministry-only node has no bureau of its own: the provincial side is not served there
@io.micronaut.context.annotation.Requires(property = "icp.node.role", notEquals = "ministry")
@Controller("/api/v1/bureau/applications")
@Secured(BureauAuthenticationProvider.REVIEWER_ROLE)
@ExecuteOn(TaskExecutors.BLOCKING)
final class BureauApplicationsController {
    private final ReviewQueue queue;
    private final ReviewApplication review;
    private final ReviewMaterials materials;
    private final ServiceNamePolicy names;
    private final ReviewPeriod period;

    BureauApplicationsController(ReviewQueue queue, ReviewApplication review, ReviewMaterials materials,
                                 ServiceNamePolicy names, ReviewPeriod period) {
        this.period = period;
        this.queue = queue;
        this.review = review;
        this.materials = materials;
        this.names = names;
    }

    /**
     * The province's applications in a state, oldest queue entry first (for those in review, the order of their
     * deadlines); {@code overdue=true}: those in review past their 20 working days.
     */
    @Get
    PageView<QueueItemView> list(Authentication user, @QueryValue(defaultValue = "IN_REVIEW") String state,
                                 @Nullable @QueryValue Boolean overdue, @Nullable @QueryValue Integer page,
                                 @Nullable @QueryValue Integer size) {
        PageRequest request = PageRequest.of(page, size);
        var found = Boolean.TRUE.equals(overdue) ? queue.overdue(reviewer(user), period, request)
                : queue.list(reviewer(user), state(state), request);
        return PageView.of(found, a -> QueueItemView.of(a, period.of(a)));
    }

    @Get("/{id}")
    ApplicationView get(Authentication user, @PathVariable String id) {
        Application application = queue.read(reviewer(user), id);
        return ApplicationView.of(application, names, queue.filingOf(application), period.of(application));
    }

    /** Whether the history's chain of hashes holds; if not, the position of the first step that breaks it. */
    @Get("/{id}/history/verify")
    BureauFilingsController.VerificationView verifyHistory(Authentication user, @PathVariable String id) {
        var verification = queue.verifyHistory(reviewer(user), id);
        return new BureauFilingsController.VerificationView(verification.intact(), verification.entries(),
                verification.firstBroken().orElse(null));
    }

    @Get("/{id}/materials")
    List<MaterialView> materials(Authentication user, @PathVariable String id) {
        return materials.list(reviewer(user), id).stream().map(MaterialView::of).toList();
    }

    /** The bytes as uploaded, with their media type and SHA-256 so the reviewer's tools can verify them. */
    @Get("/{id}/materials/{materialId}")
    HttpResponse<byte[]> material(Authentication user, @PathVariable String id, @PathVariable String materialId) {
        ReviewMaterials.Download download = materials.download(reviewer(user), id, materialId);
        var material = download.material();
        return HttpResponse.ok(download.content())
                .contentType(MediaType.of(material.format().mediaType()))
                .header("Content-Disposition", "attachment; filename=\"" + material.id() + "."
                        + material.format().name().toLowerCase() + "\"")
                .header("X-Content-SHA256", material.sha256())
                .header("X-Content-Type-Options", "nosniff");
    }

    @Post("/{id}/approve")
    DecisionView approve(Authentication user, @PathVariable String id) {
        return DecisionView.approved(review.approve(reviewer(user), id));
    }

    @Post("/{id}/return")
    ApplicationView returnToProvider(Authentication user, @PathVariable String id, @Body ReturnRequest body) {
        Violations violations = new Violations();
        List<ReturnReason> reasons = new ArrayList<>();
        List<String> codes = body.reasons() == null ? List.of() : body.reasons();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            reasons.add(violations.check("reasons[" + i + "]", () -> ReturnReason.parse(code)));
        }
        String comment = violations.check("comment", () -> Text.optional(body.comment(), 2000));
        violations.throwIfAny();
        Application returned = review.returnToProvider(reviewer(user), id, reasons, comment);
        return ApplicationView.of(returned, names, queue.filingOf(returned), period.of(returned));
    }

    static Reviewer reviewer(Authentication user) {
        return new Reviewer(user.getName(),
                Province.byCode((String) user.getAttributes().get(BureauAuthenticationProvider.PROVINCE)).orElseThrow());
    }

    private static ApplicationState state(String raw) {
        try {
            return ApplicationState.valueOf(Text.identifier(raw).toUpperCase());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("state", Reason.UNKNOWN_CODE, "未知状态 / unknown state " + Text.excerpt(raw));
        }
    }
}
