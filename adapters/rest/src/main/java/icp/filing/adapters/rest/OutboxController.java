package icp.filing.adapters.rest;

import icp.filing.application.port.Outbox;
import icp.filing.application.port.OutboxEntry;
import icp.filing.application.port.PageRequest;
import icp.filing.application.usecase.OutboxDesk;
import icp.filing.domain.error.InvalidInputException;
import icp.filing.domain.error.Reason;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outbox for the system's administrators (bureau users with {@code administrator: true}): what waits, what
 * failed and why, what was delivered, per channel; a failed entry can be sent again. Recipients are masked and the
 * messages' values (a verification code, say) are never shown.
 */
@ApiResponse(responseCode = "4XX", description = "refused; the body says which rule and field",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@Controller("/api/v1/bureau/outbox")
@Secured(BureauAuthenticationProvider.ADMINISTRATOR_ROLE)
@ExecuteOn(TaskExecutors.BLOCKING)
final class OutboxController {
    private final OutboxDesk desk;

    OutboxController(OutboxDesk desk) {
        this.desk = desk;
    }

    /** Counts per channel (SMS, EMAIL): pending, failed, delivered, and since when the oldest pending waits. */
    @Get
    Map<String, CountsView> counts() {
        Map<String, CountsView> counts = new LinkedHashMap<>();
        desk.counts().forEach((channel, c) -> counts.put(channel.name(), new CountsView(c.pending(), c.failed(),
                c.delivered(), c.oldestPending().orElse(null))));
        return counts;
    }

    /** Entries in one state (FAILED unless asked otherwise), newest first, with their last error. */
    @Get("/entries")
    PageView<EntryView> entries(@Nullable @QueryValue String state, @Nullable @QueryValue Integer page,
                                @Nullable @QueryValue Integer size) {
        return PageView.of(desk.list(state(state), PageRequest.of(page, size)), EntryView::of);
    }

    /** One entry with every attempt and the receipts of its delivery. */
    @Get("/entries/{id}")
    EntryDetailView entry(@PathVariable long id) {
        return EntryDetailView.of(desk.read(id));
    }

    /** Sends a failed entry again (its attempts counted afresh); 409 OUTBOX_ENTRY_NOT_FAILED for any other. */
    @Post("/entries/{id}/retry")
    EntryDetailView retry(@PathVariable long id) {
        return EntryDetailView.of(desk.retry(id));
    }

    private static OutboxEntry.State state(String raw) {
        if (raw == null) {
            return OutboxEntry.State.FAILED;
        }
        for (OutboxEntry.State state : OutboxEntry.State.values()) {
            if (state.name().equals(raw)) {
                return state;
            }
        }
        throw InvalidInputException.of("state", Reason.UNKNOWN_CODE, "state is PENDING, FAILED or DELIVERED");
    }

    @Serdeable
    record CountsView(long pending, long failed, long delivered, @Nullable Instant oldestPendingSince) {
    }

    /** An entry as administrators see it: the recipient masked, no message values. */
    @Serdeable
    record EntryView(long id, String channel, String template, String idempotencyKey, String recipient,
                     String state, int attempts, Instant createdAt, @Nullable Instant nextAttemptAt,
                     @Nullable Instant deliveredAt, @Nullable String lastError) {
        static EntryView of(OutboxDesk.EntryView view) {
            OutboxEntry e = view.entry();
            return new EntryView(e.id(), e.message().channel().name(), e.message().template(), e.message().key(),
                    view.maskedRecipient(), e.state().name(), e.attempts(), e.createdAt(),
                    e.state() == OutboxEntry.State.PENDING ? e.nextAttemptAt() : null, e.deliveredAt(),
                    e.lastError());
        }
    }

    @Serdeable
    record AttemptView(int number, Instant at, String relay, boolean delivered, @Nullable String error,
                       List<String> references) {
        static AttemptView of(Outbox.Attempt a) {
            return new AttemptView(a.number(), a.at(), a.relay(), a.delivered(), a.error(), a.references());
        }
    }

    @Serdeable
    record ReceiptView(String reference, @Nullable String state, @Nullable Instant reportedAt) {
    }

    @Serdeable
    record EntryDetailView(EntryView entry, List<AttemptView> attempts, List<ReceiptView> receipts) {
        static EntryDetailView of(OutboxDesk.EntryDetail detail) {
            return new EntryDetailView(EntryView.of(detail.view()),
                    detail.attempts().stream().map(AttemptView::of).toList(),
                    detail.receipts().stream().map(r -> new ReceiptView(r.reference(), r.state().orElse(null),
                            r.reportedAt().orElse(null))).toList());
        }
    }
}
