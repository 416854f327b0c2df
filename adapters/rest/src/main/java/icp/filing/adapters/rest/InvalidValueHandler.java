package icp.filing.adapters.rest;

import icp.filing.domain.error.InvalidInputException;
import icp.filing.domain.error.InvalidValueException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/**
 * A value refused where no form knew its field (a query parameter read directly): still the caller's input, so 400
 * with its reason code, never a 500.
 */
@Produces
@Singleton
final class InvalidValueHandler implements ExceptionHandler<InvalidValueException, HttpResponse<Problem>> {
    private final FilingExceptionHandler filingErrors;

    InvalidValueHandler(FilingExceptionHandler filingErrors) {
        this.filingErrors = filingErrors;
    }

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, InvalidValueException e) {
        return filingErrors.handle(request, InvalidInputException.of("", e.reason(), e.getMessage()));
    }
}
