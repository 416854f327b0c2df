package icp.filing.adapters.rest;

import icp.filing.application.port.PageRequest;
import icp.filing.application.port.ReadRecords;
import icp.filing.application.usecase.ReviewQueue;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
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

/** The bureau's record of reads of personal data in its province, newest first. */
@ApiResponse(responseCode = "4XX", description = "refused; the body says which rule and field",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
// a ministry-only node has no bureau of its own: the provincial side is not served there
@io.micronaut.context.annotation.Requires(property = "icp.node.role", notEquals = "ministry")
@Controller("/api/v1/bureau/read-records")
@Secured(BureauAuthenticationProvider.REVIEWER_ROLE)
@ExecuteOn(TaskExecutors.BLOCKING)
final class ReadRecordsController {
    private final ReviewQueue queue;

    ReadRecordsController(ReviewQueue queue) {
        this.queue = queue;
    }

    @Get
    PageView<ReadRecordView> list(Authentication user, @Nullable @QueryValue Integer page,
                                  @Nullable @QueryValue Integer size) {
        return PageView.of(queue.readRecords(BureauApplicationsController.reviewer(user), PageRequest.of(page, size)),
                ReadRecordView::of);
    }

    /** One read: who, which application, what (APPLICATION or MATERIAL, with its id), when. */
    @Serdeable
    record ReadRecordView(String reviewer, String applicationId, String what, @Nullable String materialId,
                          Instant at) {
        static ReadRecordView of(ReadRecords.PersonalDataRead read) {
            return new ReadRecordView(read.reviewer(), read.applicationId(), read.what().name(), read.materialId(),
                    read.at());
        }
    }
}
