package icp.filing.adapters.rest;

import icp.filing.application.query.PublicQuery;
import icp.filing.domain.common.Text;
import icp.filing.domain.error.InvalidInputException;
import icp.filing.domain.error.Reason;
import icp.filing.domain.service.ServiceKind;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import java.util.Optional;

/** 公共查询: open to anyone, answers only with what the public may see. */
@ApiResponse(responseCode = "4XX", description = "refused; the body says which rule and field",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@Controller("/api/v1/public/filings")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
final class PublicFilingsController {
    private final PublicQuery query;
    private final PublicFilingViews views;

    PublicFilingsController(PublicQuery query, PublicFilingViews views) {
        this.query = query;
        this.views = views;
    }

    @Get
    List<PublicFilingView> search(@Nullable @QueryValue String q, @Nullable @QueryValue String type) {
        return query.search(q, kind(type)).stream().map(views::toView).toList();
    }

    private static Optional<ServiceKind> kind(String type) {
        String text = Text.optional(type);
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ServiceKind.valueOf(text.toUpperCase()));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("type", Reason.UNKNOWN_CODE, "type is WEBSITE, APP, MINI_PROGRAM or QUICK_APP");
        }
    }
}
