package icp.filing.adapters.rest;

import icp.filing.application.usecase.ObjectionDesk;
import icp.filing.domain.error.InvalidInputException;
import icp.filing.domain.error.Reason;
import icp.filing.domain.objection.Objection;
import io.micronaut.core.annotation.Nullable;
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
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Instant;
import java.util.List;

/**
 * 陈述申辩 for the bureau: the province's objections, and the answer — upheld undoes the return or the revocation,
 * rejected lets it stand. Objections to revocations are answered by supervisors.
 */
@ApiResponse(responseCode = "4XX", description = "refused; the body says which rule and field",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
// a ministry-only node has no bureau of its own: the provincial side is not served there
@io.micronaut.context.annotation.Requires(property = "icp.node.role", notEquals = "ministry")
@Controller("/api/v1/bureau/objections")
@Secured(BureauAuthenticationProvider.REVIEWER_ROLE)
@ExecuteOn(TaskExecutors.BLOCKING)
final class BureauObjectionsController {
    private final ObjectionDesk objections;

    BureauObjectionsController(ObjectionDesk objections) {
        this.objections = objections;
    }

    @Serdeable
    record ObjectionView(String id, String providerId, String against, String target, String statement,
                         String state, Instant lodgedAt, @Nullable String answer, @Nullable String answeredBy,
                         @Nullable Instant answeredAt) {
        static ObjectionView of(Objection o) {
            return new ObjectionView(o.id(), o.provider().value(), o.against().name(), o.target(), o.statement(),
                    o.state().name(), o.lodgedAt(), o.answer().orElse(null),
                    o.answeredBy().map(a -> a.kind() + ":" + a.id()).orElse(null), o.answeredAt().orElse(null));
        }
    }

    /** The bureau's answer. */
    @Serdeable
    record AnswerRequest(@Nullable Boolean upheld, @Nullable String comment) {
    }

    @Get
    List<ObjectionView> list(Authentication user, @QueryValue(defaultValue = "OPEN") String state) {
        Objection.State wanted;
        try {
            wanted = Objection.State.valueOf(state.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("state", Reason.UNKNOWN_CODE, "state is OPEN, UPHELD or REJECTED");
        }
        return objections.ofProvince(BureauApplicationsController.reviewer(user), wanted).stream()
                .map(ObjectionView::of).toList();
    }

    @Post("/{id}/answer")
    ObjectionView answer(Authentication user, @PathVariable String id, @Body AnswerRequest body) {
        if (body.upheld() == null) {
            throw InvalidInputException.of("upheld", Reason.REQUIRED, "必填 true 或 false / true or false");
        }
        boolean supervisor = user.getRoles().contains(BureauAuthenticationProvider.SUPERVISOR_ROLE);
        return ObjectionView.of(objections.answer(BureauApplicationsController.reviewer(user), supervisor, id,
                body.upheld(), body.comment()));
    }
}
