package icp.filing.adapters.rest;

import icp.filing.application.usecase.ConfirmSms;
import icp.filing.domain.error.InvalidValueException;
import icp.filing.domain.identity.PhoneNumber;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * 短信核验 for the principals: {@code POST /api/v1/public/sms-verifications/confirm} with phone, code and the last 6
 * characters of their certificate number. Every refusal that could tell whether a phone has an application is the
 * same answer (400 SMS_CODE_NOT_ACCEPTED); attempts are limited per client address (every attempt) and per phone (the
 * principal's own wrong codes: phone and certificate tail right, code wrong), 429 with Retry-After, so codes cannot be
 * guessed nor phones probed, and a stranger who knows only a phone cannot lock its principal out.
 */
@ApiResponse(responseCode = "4XX", description = "refused; the body says which rule and field",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
// a ministry-only node has no bureau of its own: the provincial side is not served there
@io.micronaut.context.annotation.Requires(property = "icp.node.role", notEquals = "ministry")
@Controller("/api/v1/public/sms-verifications")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
final class SmsVerificationController {
    private final ConfirmSms confirmSms;
    private final HttpClientAddressResolver addresses;
    private final AttemptLimiter perPhone;
    private final AttemptLimiter perAddress;

    SmsVerificationController(ConfirmSms confirmSms, HttpClientAddressResolver addresses, Clock clock,
                              @Value("${icp.sms.confirm.max-per-phone:10}") int maxPerPhone,
                              @Value("${icp.sms.confirm.max-per-address:30}") int maxPerAddress,
                              @Value("${icp.sms.confirm.window:15m}") Duration window) {
        this.confirmSms = confirmSms;
        this.addresses = addresses;
        this.perPhone = new AttemptLimiter(maxPerPhone, window, clock);
        this.perAddress = new AttemptLimiter(maxPerAddress, window, clock);
    }

    /** What the principal sends. */
    @Serdeable
    record ConfirmRequest(@Nullable String phone, @Nullable String code, @Nullable String certificateTail) {
    }

    /** Accepted: {@code applicationComplete} once every principal of the application has confirmed. */
    @Serdeable
    record ConfirmView(boolean confirmed, boolean applicationComplete) {
    }

    @Post("/confirm")
    HttpResponse<?> confirm(HttpRequest<?> request, @Body ConfirmRequest body) {
        String address = Optional.ofNullable(addresses.resolve(request)).orElse("unknown");
        // keyed on the number itself, however it was written (+86 138…, 138 0013 8000, full-width digits)
        Optional<String> phone = canonical(body.phone());
        Optional<Duration> wait = perAddress.attempt(address)
                .or(() -> phone.flatMap(perPhone::waitFor));
        if (wait.isPresent()) {
            return TooManyAttempts.answer(wait.get(), "核验尝试次数过多 / too many confirmation attempts");
        }
        ConfirmSms.Attempt attempt = confirmSms.attempt(body.phone(), body.code(), body.certificateTail());
        if (attempt instanceof ConfirmSms.Confirmed confirmed) {
            return HttpResponse.ok(new ConfirmView(true, confirmed.applicationComplete()));
        }
        // only a principal's own wrong codes count against the phone: a stranger's cannot lock the principal out
        if (((ConfirmSms.Refused) attempt).principalsTail()) {
            phone.ifPresent(perPhone::count);
        }
        throw ConfirmSms.notAccepted();
    }

    private static Optional<String> canonical(String raw) {
        if (raw == null || raw.length() > 40) {
            return Optional.empty(); // refused as malformed by the use case, counted per address only
        }
        try {
            return Optional.of(PhoneNumber.parse(raw).value());
        } catch (InvalidValueException e) {
            return Optional.empty();
        }
    }
}
