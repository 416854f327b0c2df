package icp.filing.adapters.rest;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** RFC 9457 problem details, extended with the stable reason code and the field violations. */
@Serdeable
record Problem(String type, String title, int status, String detail, String reason,
               @Nullable List<FieldViolation> violations) {

    static final String MEDIA_TYPE = "application/problem+json";

    @Serdeable
    record FieldViolation(String field, String reason, String message) {
    }
}
