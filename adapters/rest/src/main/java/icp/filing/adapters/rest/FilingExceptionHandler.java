package icp.filing.adapters.rest;

import icp.filing.domain.error.AlreadyExistsException;
import icp.filing.domain.error.ConcurrentUpdateException;
import icp.filing.domain.error.FilingException;
import icp.filing.domain.error.InvalidInputException;
import icp.filing.domain.error.NotFoundException;
import icp.filing.domain.error.PermissionDeniedException;
import icp.filing.domain.error.Reason;
import icp.filing.domain.error.ResourceExhaustedException;
import icp.filing.domain.error.StateConflictException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** The one translator of refusals to problem+json for the REST API. */
@Produces
@Singleton
@Requires(classes = {FilingException.class, ExceptionHandler.class})
final class FilingExceptionHandler implements ExceptionHandler<FilingException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, FilingException e) {
        HttpStatus status = status(e);
        var violations = e instanceof InvalidInputException invalid
                ? invalid.violations().stream()
                        .map(v -> new Problem.FieldViolation(v.field(), v.reason().name(), v.message())).toList()
                : null;
        Problem problem = new Problem(typeOf(e.reason()), e.reason().meaning(), status.getCode(), e.getMessage(), e.reason().name(), violations);
        return HttpResponse.<Problem>status(status).contentType(MediaType.of(Problem.MEDIA_TYPE)).body(problem);
    }

    /** A stable problem type URI per reason code. */
    static String typeOf(Reason reason) {
        return "urn:icp-filing:problem:" + reason.name().toLowerCase().replace('_', '-');
    }

    private static HttpStatus status(FilingException e) {
        if (e instanceof InvalidInputException) {
            return HttpStatus.BAD_REQUEST;
        } else if (e instanceof NotFoundException) {
            return HttpStatus.NOT_FOUND;
        } else if (e instanceof ResourceExhaustedException) {
            return HttpStatus.TOO_MANY_REQUESTS;
        } else if (e instanceof PermissionDeniedException) {
            return HttpStatus.FORBIDDEN;
        } else if (e instanceof StateConflictException || e instanceof ConcurrentUpdateException
                || e instanceof AlreadyExistsException) {
            return HttpStatus.CONFLICT;
        } else if (e instanceof icp.filing.domain.error.UnavailableException) {
            return HttpStatus.SERVICE_UNAVAILABLE;
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }
}
