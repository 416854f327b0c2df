package icp.filing.application.usecase;

import icp.filing.application.port.OutboxMessage;
import icp.filing.domain.application.Application;
import icp.filing.domain.application.FilingChange;
import icp.filing.domain.application.ProviderId;
import icp.filing.domain.application.ReturnReason;
import icp.filing.domain.application.Transition;
import icp.filing.domain.filing.AccessRecord;
import icp.filing.domain.filing.Filing;
import icp.filing.domain.filing.RevocationReason;
import icp.filing.domain.number.FilingNumber;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The provider result events (WatchResults, ListResults) as outbox messages on the PROVIDER_RESULT channel: the
 * recipient is the provider, the template the event's kind, the fields what the provider needs to act without
 * another call. Keys are stable per event, so a redelivery is dropped by the result log.
 */
final class ResultEvents {
    private ResultEvents() {
    }

    /** An event about one of the provider's applications, as the application is after the step. */
    static OutboxMessage ofApplication(String kind, Application application) {
        Transition step = application.history().get(application.history().size() - 1);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("applicationId", application.id().value());
        fields.put("operation", application.operation().name());
        application.subjectNumber().or(() -> application.request() instanceof FilingChange change
                ? java.util.Optional.of(change.subjectNumber()) : java.util.Optional.empty())
                .ifPresent(n -> fields.put("subjectNumber", n.toString()));
        put(fields, "serviceNumbers", application.serviceNumbers().stream().map(FilingNumber::toString).toList());
        put(fields, "returnReasons", step.reasons().stream().map(ReturnReason::name).toList());
        if (step.comment() != null && !step.comment().isEmpty()) {
            fields.put("comment", step.comment());
        }
        fields.put("at", step.at().toString());
        // one event per step of the application's history: a resubmitted application is returned anew
        return message(application.provider(), kind + "/" + application.id().value() + "/"
                + application.history().size(), kind, fields);
    }

    /** In the bureau's queue, with the review deadline as counted now (the provider's {@code review_deadline}). */
    static OutboxMessage inReview(Application application, ReviewPeriod.Standing deadline) {
        OutboxMessage event = ofApplication("IN_REVIEW", application);
        Map<String, String> fields = new LinkedHashMap<>(event.fields());
        fields.put("reviewDeadline", deadline.deadline().toString());
        fields.put("reviewWorkingDaysLeft", Integer.toString(deadline.workingDaysLeft()));
        fields.put("reviewOverdue", Boolean.toString(deadline.overdue()));
        fields.put("reviewCalendar", deadline.basis().name());
        return new OutboxMessage(event.channel(), event.key(), event.recipient(), event.template(), fields,
                event.items(), event.secret());
    }

    /** The codes of a resend went out: the application's history has no step for it, the resend's number counts. */
    static OutboxMessage smsResent(Application application, Instant at, int resend) {
        OutboxMessage event = ofApplication("SMS_SENT", application);
        Map<String, String> fields = new LinkedHashMap<>(event.fields());
        fields.put("at", at.toString());
        fields.remove("returnReasons");
        return new OutboxMessage(event.channel(), event.key() + "/resend-" + resend, event.recipient(), "SMS_SENT",
                fields, List.of(), false);
    }

    /**
     * An event about services of a filing (revoked, shell cleaned up), for every provider that hosts or hosted one of
     * the filing's services.
     */
    static List<OutboxMessage> ofFiling(String kind, Filing filing, List<FilingNumber> numbers,
                                        List<RevocationReason> reasons, String comment, Instant at) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("subjectNumber", filing.subjectNumber().toString());
        put(fields, "serviceNumbers", numbers.stream().map(FilingNumber::toString).toList());
        put(fields, "revocationReasons", reasons.stream().map(RevocationReason::name).toList());
        if (comment != null && !comment.isEmpty()) {
            fields.put("comment", comment);
        }
        fields.put("at", at.toString());
        return providersOf(filing).stream().map(provider -> message(provider, kind + "/" + filing.subjectNumber() + "/"
                + filing.version() + "/" + provider.value(), kind, fields)).toList();
    }

    private static List<ProviderId> providersOf(Filing filing) {
        return filing.services().stream().flatMap(s -> s.accesses().stream()).map(AccessRecord::provider)
                .distinct().collect(Collectors.toList());
    }

    private static OutboxMessage message(ProviderId provider, String key, String kind, Map<String, String> fields) {
        return new OutboxMessage(OutboxMessage.Channel.PROVIDER_RESULT, "result/" + key, provider.value(), kind,
                fields, List.of(), false);
    }

    private static void put(Map<String, String> fields, String name, List<String> values) {
        if (!values.isEmpty()) {
            fields.put(name, String.join(",", values));
        }
    }

    /** The kind of an approval's event: a cancellation's approval is the filing's cancellation. */
    static String approvalKind(Application application) {
        return switch (application.operation()) {
            case CANCEL_SERVICE, CANCEL_SUBJECT -> "CANCELLED";
            default -> "APPROVED";
        };
    }
}
