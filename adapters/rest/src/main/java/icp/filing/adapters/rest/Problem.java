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
               @Schema(description = "stable reason code (docs/reason-codes.md); OpenApiTest keeps this list whole",
                       allowableValues = {"REQUIRED", "TOO_LONG", "TOO_MANY", "INVALID_FORMAT", "CONTROL_CHARACTER",
                           "MORE_VIOLATIONS", "UNKNOWN_CODE", "INVALID_CREDIT_CODE", "INVALID_ID_CARD_NUMBER",
                           "INVALID_ORGANIZATION_CODE", "INVALID_DATE", "CERTIFICATE_EXPIRED",
                           "LEGACY_CERTIFICATE_EXPIRING", "NAME_MISMATCH", "PRINCIPAL_OVERUSED", "INVALID_PHONE",
                           "INVALID_EMAIL", "INVALID_DOMAIN", "CONFUSABLE_DOMAIN", "DOMAIN_NOT_REGISTRABLE", "INVALID_URL",
                           "INVALID_FILING_NUMBER", "INVALID_PACKAGE_NAME", "INVALID_FINGERPRINT",
                           "INVALID_IP_ADDRESS", "CERTIFICATE_TYPE_MISMATCH", "NATURE_MISMATCH", "CROSS_PROVINCE",
                           "PROVINCE_NOT_SERVED",
                           "NO_SERVICE", "DUPLICATE_DOMAIN_IN_APPLICATION", "UNSUPPORTED_MATERIAL_FORMAT",
                           "MATERIAL_TOO_LARGE", "MATERIAL_EMPTY", "TOO_MANY_RESENDS", "TOO_MANY_UPLOADS",
                           "TOO_MANY_STREAMS",
                           "UPLOAD_IDLE", "DIGEST_MISMATCH", "MATERIAL_NOT_FOUND", "MATERIAL_KIND_MISPLACED",
                           "MATERIALS_INCOMPLETE", "DOMAIN_HOLDER_MISMATCH", "RESTRICTED_WORD_IN_NAME",
                           "PRE_APPROVAL_REQUIRED", "PRE_APPROVAL_NOT_FOR_PERSONS", "RETURN_REASON_REQUIRED",
                           "INVALID_PAGE", "NO_CHANGE", "DOMAINS_ONLY_SHRINK", "SERVICE_IDENTITY_FIXED",
                           "SUBJECT_IDENTITY_FIXED", "SERVICE_DATA_MISMATCH", "APPLICATION_NOT_IN_REVIEW",
                           "APPLICATION_NOT_SUBMITTED", "APPLICATION_NOT_RETURNED", "APPLICATION_ALREADY_DECIDED",
                           "OPEN_APPLICATION_EXISTS", "SUBJECT_ALREADY_FILED", "DOMAIN_ALREADY_FILED",
                           "APP_ALREADY_FILED", "DUPLICATE_REQUEST_ID", "REQUEST_ID_REUSED", "CONCURRENT_UPDATE",
                           "SUBJECT_NOT_FILED", "SERVICE_NOT_FILED", "ALREADY_HOSTED", "NOTHING_TO_OBJECT_TO",
                           "OBJECTION_PERIOD_OVER", "OBJECTION_ALREADY_ANSWERED", "OBJECTION_OPEN", "NOT_A_SHELL",
                           "SMS_NOT_PENDING", "SERIAL_EXHAUSTED", "OUTBOX_ENTRY_NOT_FAILED", "CURSOR_EXPIRED",
                           "INVALID_CURSOR", "APPLICATION_NOT_FOUND",
                           "OBJECTION_NOT_FOUND", "OUTBOX_ENTRY_NOT_FOUND",
                           "FILING_NOT_FOUND", "UNAUTHENTICATED", "SMS_CODE_NOT_ACCEPTED", "TOO_MANY_ATTEMPTS",
                           "RATE_LIMITED",
                           "PERMISSION_DENIED", "MALFORMED_REQUEST", "RESOURCE_NOT_FOUND", "METHOD_NOT_ALLOWED",
                           "UNSUPPORTED_MEDIA_TYPE", "BODY_TOO_LARGE", "MINISTRY_UNAVAILABLE", "INTERNAL_ERROR"})
               String reason,
               @Nullable List<FieldViolation> violations) {

    static final String MEDIA_TYPE = "application/problem+json";

    @Serdeable
    record FieldViolation(String field, String reason, String message) {
    }
}
