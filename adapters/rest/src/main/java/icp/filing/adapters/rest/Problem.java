package icp.filing.adapters.rest;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** RFC 9457 problem details, extended with the stable reason code and the field violations. */
@Serdeable
@Schema(name = "Problem", description = "Every error answer (application/problem+json). `reason` is a stable code of "
        + "docs/reason-codes.md; input errors list each violated field with its own reason.")
record Problem(String type, String title, int status, String detail,
               @Schema(description = "stable reason code, e.g. REQUIRED, DOMAIN_ALREADY_FILED, TOO_MANY_ATTEMPTS")
               String reason,
               @Nullable List<FieldViolation> violations) {

    static final String MEDIA_TYPE = "application/problem+json";

    @Serdeable
    record FieldViolation(String field, String reason, String message) {
    }
}
