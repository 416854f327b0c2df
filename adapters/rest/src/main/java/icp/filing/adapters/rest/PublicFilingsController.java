package icp.filing.adapters.rest;

import icp.filing.application.query.BatchLookup;
import icp.filing.application.query.PublicFiling;
import icp.filing.application.query.PublicQuery;
import icp.filing.domain.common.Text;
import icp.filing.domain.error.FilingException;
import icp.filing.domain.error.InvalidInputException;
import icp.filing.domain.error.Reason;
import icp.filing.domain.service.ServiceKind;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * 公共查询: open to anyone, answers only with what the public may see. No captcha: each client address has a token
 * bucket ({@link PublicRateLimit}); answers carry an ETag and a short Cache-Control, and a repeated query with
 * If-None-Match is answered 304 without a body.
 */
@ApiResponse(responseCode = "4XX", description = "refused; the body says which rule and field",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@Controller("/api/v1/public")
@Secured(SecurityRule.IS_ANONYMOUS)
final class PublicFilingsController {
    /** How long a client or a proxy may reuse an answer: the register changes with each approval. */
    private static final String CACHE_CONTROL = "public, max-age=60";
    private static final Argument<List<PublicFilingView>> ANSWER = Argument.listOf(PublicFilingView.class);

    private final PublicQuery query;
    private final PublicFilingViews views;
    private final PublicRateLimit rateLimit;
    private final HttpClientAddressResolver addresses;
    private final JsonMapper json;
    private final ExecutorService blocking;
    private final FilingExceptionHandler refusals;

    PublicFilingsController(PublicQuery query, PublicFilingViews views, PublicRateLimit rateLimit,
                            HttpClientAddressResolver addresses, JsonMapper json,
                            @Named(TaskExecutors.BLOCKING) ExecutorService blocking, FilingExceptionHandler refusals) {
        this.query = query;
        this.views = views;
        this.rateLimit = rateLimit;
        this.addresses = addresses;
        this.json = json;
        this.blocking = blocking;
        this.refusals = refusals;
    }

    /** One search box: a filing number, a domain or URL, or a unit name. */
    @Get("/filings")
    @ApiResponse(responseCode = "200", description = "the filings found (an empty list: none)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    array = @ArraySchema(schema = @Schema(implementation = PublicFilingView.class))))
    @ApiResponse(responseCode = "304", description = "unchanged since the ETag given in If-None-Match")
    CompletableFuture<HttpResponse<?>> search(HttpRequest<?> request, @Nullable @QueryValue String q,
                                              @Nullable @QueryValue String type) {
        Optional<HttpResponse<?>> limited = limited(request, 1);
        if (limited.isPresent()) {
            return CompletableFuture.completedFuture(limited.get());
        }
        Optional<ServiceKind> kind;
        Optional<List<PublicFiling>> ready;
        try {
            kind = kind(type);
            // answered here, on the event loop, when no database read is needed (a domain asked lately): the
            // hand-over to the blocking pool and back cost more than the rest of such an answer
            ready = query.searchWithoutWaiting(q, kind);
        } catch (FilingException refused) {
            // answered as the exception handler answers, without the framework's search for a handler per error
            return CompletableFuture.completedFuture(refusals.handle(request, refused));
        }
        if (ready.isPresent()) {
            return CompletableFuture.completedFuture(answer(request, ready.get()));
        }
        return CompletableFuture.supplyAsync(() -> answer(request, query.search(q, kind)), blocking);
    }

    private HttpResponse<?> answer(HttpRequest<?> request, List<PublicFiling> filings) {
        List<PublicFilingView> found = filings.stream().map(views::toView).toList();
        byte[] body = bytes(ANSWER, found);
        String etag = etag(body);
        if (request.getHeaders().get(HttpHeaders.IF_NONE_MATCH, String.class).map(m -> matches(m, etag))
                .orElse(false)) {
            return HttpResponse.status(HttpStatus.NOT_MODIFIED).header(HttpHeaders.ETAG, etag)
                    .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
        }
        return HttpResponse.ok(body).contentType(MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
    }

    /** What a batch asks: up to 100 domains, URLs or filing numbers. */
    @Serdeable
    record BatchLookupRequest(@Nullable List<String> items) {
    }

    /** One answer per item, in the request's order. */
    @Serdeable
    record BatchLookupResponse(List<ItemView> results) {
    }

    /** An item's answer: FOUND with its filings, NOT_FILED, or INVALID with the reason code and why. */
    @Serdeable
    record ItemView(String item, String outcome, List<PublicFilingView> filings, @Nullable String reason,
                    @Nullable String message) {
    }

    /**
     * 批量查询: each item counts against the client address's tokens; items are looked up by two set-based reads,
     * whatever their number. An unreadable item is answered in its place, the others are not held up by it.
     */
    @Post("/filings:batchLookup")
    @ApiResponse(responseCode = "200", description = "one result per item, in order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = BatchLookupResponse.class)))
    CompletableFuture<HttpResponse<?>> batchLookup(HttpRequest<?> request, @Body BatchLookupRequest body) {
        List<String> items = body.items() == null ? List.of() : body.items();
        PublicQuery.Batch batch;
        Optional<List<BatchLookup>> ready;
        try {
            if (items.size() > PublicQuery.MAX_BATCH) {
                throw InvalidInputException.of("items", Reason.TOO_MANY, "最多 " + PublicQuery.MAX_BATCH
                        + " 项 / at most " + PublicQuery.MAX_BATCH + " items");
            }
            Optional<HttpResponse<?>> limited = limited(request, Math.max(1, items.size()));
            if (limited.isPresent()) {
                return CompletableFuture.completedFuture(limited.get());
            }
            // as the single query: every domain asked lately is answered here, without the blocking pool
            batch = query.batch(items);
            ready = query.lookupWithoutWaiting(batch);
        } catch (FilingException refused) {
            return CompletableFuture.completedFuture(refusals.handle(request, refused));
        }
        if (ready.isPresent()) {
            return CompletableFuture.completedFuture(batchAnswer(ready.get()));
        }
        return CompletableFuture.supplyAsync(() -> batchAnswer(query.lookup(batch)), blocking);
    }

    private HttpResponse<?> batchAnswer(List<BatchLookup> lookups) {
        List<ItemView> results = lookups.stream().map(this::item).toList();
        return HttpResponse.ok(new BatchLookupResponse(results)).header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    private ItemView item(BatchLookup lookup) {
        return new ItemView(lookup.item(), lookup.outcome().name(),
                lookup.filings().stream().map(views::toView).toList(), lookup.reason(), lookup.message());
    }

    private Optional<HttpResponse<?>> limited(HttpRequest<?> request, int tokens) {
        String address = Optional.ofNullable(addresses.resolve(request)).orElse("unknown");
        Optional<Duration> wait = rateLimit.take(address, tokens);
        return wait.map(w -> TooManyAttempts.answer(Reason.RATE_LIMITED, w, "公共查询过于频繁 / too many public "
                + "queries from this address"));
    }

    private <T> byte[] bytes(Argument<T> type, T value) {
        try {
            return json.writeValueAsBytes(type, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A strong ETag: the answer's SHA-256, so equal answers match whichever node gave them. */
    private static String etag(byte[] body) {
        try {
            return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    private static Optional<ServiceKind> kind(String type) {
        String text = Text.optionalIdentifier(type);
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
