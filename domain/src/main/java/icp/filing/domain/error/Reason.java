package icp.filing.domain.error;

/**
 * Stable reason codes. Clients branch on these, so a code is never renamed or reused;
 * the meaning column of docs/reason-codes.md is kept in step with this list.
 */
public enum Reason {
    // input
    REQUIRED("a required field is missing"),
    TOO_LONG("a text is longer than allowed"),
    TOO_MANY("a list has more entries than allowed"),
    INVALID_FORMAT("a value does not have the expected form"),
    CONTROL_CHARACTER("a text carries a control or formatting character (NUL, U+202E …) that could spoof what a "
            + "reviewer reads"),
    MORE_VIOLATIONS("the request has more violations than one answer lists; fix these and send it again"),
    UNKNOWN_CODE("a code is not in its code table"),
    INVALID_CURSOR("not a cursor this system issued"),
    INVALID_CREDIT_CODE("not a valid unified social credit code (GB 32100-2015)"),
    INVALID_ID_CARD_NUMBER("not a valid resident ID number (GB 11643-1999)"),
    INVALID_ORGANIZATION_CODE("not a valid organisation code (GB 11714-1997)"),
    INVALID_DATE("not a date in the form YYYY-MM-DD"),
    CERTIFICATE_EXPIRED("the certificate's validity has ended"),
    LEGACY_CERTIFICATE_EXPIRING("a legacy unit certificate needs more than 3 months of validity left"),
    NAME_MISMATCH("the name differs from the name the provider's verification read on the certificate"),
    PRINCIPAL_OVERUSED("the principal's certificate or phone already serves the configured number of subjects"),
    INVALID_PHONE("not a mobile phone number of mainland China"),
    INVALID_EMAIL("not an e-mail address"),
    INVALID_DOMAIN("not a valid domain name"),
    CONFUSABLE_DOMAIN("a label of the domain mixes scripts, or is written in one script to look like a Latin name "
            + "(UTS #39, as browsers' IDN display rules judge it): it could pass for another domain"),
    DOMAIN_NOT_REGISTRABLE("the name is a public suffix or is not under any known suffix"),
    INVALID_URL("not an http(s) URL under one of the service's domains"),
    INVALID_FILING_NUMBER("not a filing number such as 京ICP备2024012345号-1"),
    INVALID_PACKAGE_NAME("not a package name or bundle id"),
    INVALID_FINGERPRINT("not an MD5, SHA-1 or SHA-256 fingerprint in hex"),
    INVALID_IP_ADDRESS("not an IPv4 or IPv6 address"),
    CERTIFICATE_TYPE_MISMATCH("the certificate type does not fit a unit or a person"),
    NATURE_MISMATCH("the subject nature does not fit the certificate"),
    PROVINCE_NOT_SERVED("the subject's home province is served by another provincial node"),
    CROSS_PROVINCE("the subject's certificate region is not in the declared province"),
    NO_SERVICE("a new filing needs at least one service"),
    DUPLICATE_DOMAIN_IN_APPLICATION("a domain appears twice in one application"),
    UNSUPPORTED_MATERIAL_FORMAT("a material is not a JPEG, PNG or PDF file by its content"),
    MATERIAL_TOO_LARGE("a material exceeds the size limit"),
    MATERIAL_EMPTY("a material upload carried no bytes"),
    TOO_MANY_RESENDS("the SMS codes of an application were already sent again as often as allowed (2)"),
    TOO_MANY_UPLOADS("the provider, or the server, has as many uploads in progress as it takes; retry later"),
    TOO_MANY_STREAMS("the provider, or the server, has as many result streams open as it takes; retry later"),
    UPLOAD_IDLE("an upload stream sent nothing for longer than the idle timeout and was ended"),
    DIGEST_MISMATCH("the SHA-256 of the bytes received differs from the digest the provider declared"),
    MATERIAL_NOT_FOUND("no material with this id was uploaded by the caller"),
    MATERIAL_KIND_MISPLACED("a material of this kind belongs to the subject or to a service, not here"),
    MATERIALS_INCOMPLETE("a required verification material is missing"),
    DOMAIN_HOLDER_MISMATCH("the domain's holder, as the provider recorded it, is not the subject"),
    RESTRICTED_WORD_IN_NAME("a natural person's service name carries a word reserved for approved units"),
    PRE_APPROVAL_REQUIRED("the declared content needs a pre-approval (前置审批) that is not given"),
    PRE_APPROVAL_NOT_FOR_PERSONS("a natural person may not file content that needs a pre-approval"),
    RETURN_REASON_REQUIRED("a return needs at least one reason"),
    INVALID_PAGE("page or page size out of range"),
    NO_CHANGE("a change request asks for nothing that differs from what is filed"),
    DOMAINS_ONLY_SHRINK("a change may drop a website's domains, not add or replace them; file a new website"),
    SERVICE_IDENTITY_FIXED("a service's kind and what identifies an APP, mini program or quick app cannot change"),
    SUBJECT_IDENTITY_FIXED("a subject's nature and home province cannot change; cancel and file anew"),
    SERVICE_DATA_MISMATCH("the service described differs from the one filed under the number given"),
    // state and uniqueness
    APPLICATION_NOT_IN_REVIEW("the application is not waiting for review"),
    APPLICATION_NOT_SUBMITTED("the application is not freshly submitted"),
    APPLICATION_NOT_RETURNED("only a returned application can be resubmitted"),
    APPLICATION_ALREADY_DECIDED("the application is already approved, returned or withdrawn"),
    OPEN_APPLICATION_EXISTS("the subject already has an application in progress"),
    SUBJECT_ALREADY_FILED("the subject already has a filing; add services to it instead"),
    DOMAIN_ALREADY_FILED("the domain is already filed by a subject"),
    APP_ALREADY_FILED("the APP, mini program or quick app is already filed by a subject"),
    DUPLICATE_REQUEST_ID("the provider already used this request id (the first result is returned)"),
    REQUEST_ID_REUSED("the request id was already used for a different request"),
    CONCURRENT_UPDATE("someone else changed the application first; reload and retry"),
    SUBJECT_NOT_FILED("the subject's filing is cancelled or revoked"),
    SERVICE_NOT_FILED("the service is cancelled or revoked; its number is never used again"),
    ALREADY_HOSTED("the provider already hosts this service"),
    NOTHING_TO_OBJECT_TO("there is no return by the bureau, or no revocation, to object to"),
    OBJECTION_PERIOD_OVER("the period for an objection after the decision is over"),
    OBJECTION_ALREADY_ANSWERED("the objection was answered already"),
    OBJECTION_OPEN("an objection against this decision is open already"),
    NOT_A_SHELL("the service is hosted by a provider: it is no shell to clean up"),
    SMS_NOT_PENDING("the application is not waiting for SMS verification"),
    SERIAL_EXHAUSTED("no subject serial left for this province and year"),
    OUTBOX_ENTRY_NOT_FAILED("only a failed outbox entry can be retried"),
    CURSOR_EXPIRED("the cursor is older than the oldest result event kept: events were dropped since"),
    // access
    APPLICATION_NOT_FOUND("no such application visible to the caller"),
    OBJECTION_NOT_FOUND("no such objection visible to the caller"),
    FILING_NOT_FOUND("no such filing or service number visible to the caller"),
    OUTBOX_ENTRY_NOT_FOUND("no such outbox entry"),
    UNAUTHENTICATED("no valid credential"),
    SMS_CODE_NOT_ACCEPTED("no pending SMS verification takes this code with this phone and certificate tail (the same "
            + "answer whatever was wrong)"),
    RATE_LIMITED("the client address has used up its public queries for now (a batch item counts as one); retry after "
            + "the time given"),
    TOO_MANY_ATTEMPTS("too many failed sign-ins, or SMS confirmation attempts, for this user, phone or address; retry "
            + "after the time given"),
    PERMISSION_DENIED("the caller may not do this"),
    // protocol-level refusals of the HTTP layer, before any rule is asked
    MALFORMED_REQUEST("the request cannot be read: broken JSON or protobuf, invalid UTF-8, a parameter of the wrong "
            + "type"),
    RESOURCE_NOT_FOUND("no such path"),
    METHOD_NOT_ALLOWED("the path does not take this HTTP method"),
    UNSUPPORTED_MEDIA_TYPE("the body is not JSON"),
    BODY_TOO_LARGE("the request body is larger than the REST API takes (256 KB), refused before it is read"),
    MINISTRY_UNAVAILABLE("the ministry's national register cannot be reached for the national checks; retry later"),
    INTERNAL_ERROR("a fault of ours; nothing about it is disclosed");

    private final String meaning;

    Reason(String meaning) {
        this.meaning = meaning;
    }

    public String meaning() {
        return meaning;
    }
}
