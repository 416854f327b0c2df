package icp.filing.adapters.rest;

import icp.filing.domain.error.Reason;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.http.server.exceptions.response.HateoasErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Errors the HTTP layer raises itself (unreadable JSON, a parameter of the wrong type, no credentials, unknown
 * path) answer in the same problem+json shape as the domain's refusals. Server faults disclose nothing.
 */
@Singleton
@Primary
@Replaces(HateoasErrorResponseProcessor.class)
final class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        Reason reason = reason(status);
        boolean serverFault = status.getCode() >= 500;
        String detail = reason.meaning();
        List<Problem.FieldViolation> violations = null;
        if (reason == Reason.MALFORMED_REQUEST) {
            // the framework's messages name parser tokens and Java types: say it in the caller's terms instead
            UnreadableRequest.Explanation why = UnreadableRequest.explain(context.getRootCause());
            detail = why.message();
            violations = List.of(new Problem.FieldViolation(why.field(), reason.name(), why.message()));
        }
        Problem problem = new Problem(FilingExceptionHandler.typeOf(reason), reason.meaning(), status.getCode(),
                detail, reason.name(), violations == null || violations.isEmpty() ? null : violations);
        return response.contentType(MediaType.of(Problem.MEDIA_TYPE)).body(problem);
    }

    private static Reason reason(HttpStatus status) {
        return switch (status) {
            case UNAUTHORIZED -> Reason.UNAUTHENTICATED;
            case FORBIDDEN -> Reason.PERMISSION_DENIED;
            case NOT_FOUND -> Reason.RESOURCE_NOT_FOUND;
            case METHOD_NOT_ALLOWED -> Reason.METHOD_NOT_ALLOWED;
            case UNSUPPORTED_MEDIA_TYPE -> Reason.UNSUPPORTED_MEDIA_TYPE;
            case REQUEST_ENTITY_TOO_LARGE -> Reason.BODY_TOO_LARGE;
            default -> status.getCode() < 500 ? Reason.MALFORMED_REQUEST : Reason.INTERNAL_ERROR;
        };
    }
}
