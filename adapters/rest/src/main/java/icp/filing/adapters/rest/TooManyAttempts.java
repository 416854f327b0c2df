package icp.filing.adapters.rest;

import icp.filing.domain.error.Reason;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import java.time.Duration;

/** 429 TOO_MANY_ATTEMPTS with Retry-After in whole seconds (at least 1), for sign-ins and SMS confirmations alike. */
final class TooManyAttempts {
    private TooManyAttempts() {
    }

    /** @param what what there were too many of, "中文 / English" */
    static HttpResponse<Problem> answer(Duration wait, String what) {
        return answer(Reason.TOO_MANY_ATTEMPTS, wait, what);
    }

    static HttpResponse<Problem> answer(Reason reason, Duration wait, String what) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        Problem problem = new Problem(FilingExceptionHandler.typeOf(reason), reason.meaning(), 429, what + "; 请 "
                + seconds + " 秒后再试 / retry after " + seconds + " s", reason.name(), null);
        return HttpResponse.<Problem>status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER,
                String.valueOf(seconds)).contentType(MediaType.of(Problem.MEDIA_TYPE)).body(problem);
    }
}
