package icp.filing.application.usecase;

import icp.filing.application.port.Outbox;
import icp.filing.application.port.OutboxMessage;
import icp.filing.application.port.OutboxMessage.Channel;
import icp.filing.application.port.Transactions;
import icp.filing.domain.application.Application;
import icp.filing.domain.application.ReturnReason;
import icp.filing.domain.application.Transition;
import icp.filing.domain.filing.FiledService;
import icp.filing.domain.filing.Filing;
import icp.filing.domain.filing.RevocationReason;
import icp.filing.domain.number.FilingNumber;
import icp.filing.domain.service.ServiceKind;
import icp.filing.domain.subject.Principal;
import icp.filing.domain.verification.SmsVerification;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * What leaves the system when something happens, as outbox messages written in the caller's transaction: what the
 * principals are told (SMS codes; approval by SMS and e-mail; return, revocation and SMS expiry by e-mail) and the
 * providers' result events ({@link ResultEvents}). The words are in the template files of the couriers; this class
 * only chooses the template, the recipients and the values.
 */
@Singleton
public final class Notifications {
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm").withZone(CHINA);

    private final Outbox outbox;
    private final Transactions transactions;
    private final RelayOutbox relay;

    public Notifications(Outbox outbox, Transactions transactions, RelayOutbox relay) {
        this.outbox = outbox;
        this.transactions = transactions;
        this.relay = relay;
    }

    /**
     * 短信核验码: one SMS per code (its value erased from the outbox once delivered), and the provider's SMS_SENT event.
     *
     * @param resentAt when the codes are a resend's; null at a submission
     * @param resend     which resend (1, 2); 0 at a submission
     */
    void verificationCodes(Application application, List<SmsVerification.Sms> codes, Instant resentAt, int resend) {
        List<OutboxMessage> messages = new ArrayList<>();
        for (SmsVerification.Sms sms : codes) {
            // each code is news of its own, even two sent in the same millisecond (a resend)
            messages.add(new OutboxMessage(Channel.SMS, "code/" + application.id().value() + "/" + UUID.randomUUID(),
                    sms.phone(), "verification-code",
                    Map.of("code", sms.code(), "expiresAt", WHEN.format(sms.expiresAt())), List.of(), true));
        }
        messages.add(resentAt == null ? ResultEvents.ofApplication("SMS_SENT", application)
                : ResultEvents.smsResent(application, resentAt, resend));
        add(messages);
    }

    /** 进入审核: every principal confirmed; the provider hears it. */
    void inReview(Application application, ReviewPeriod.Standing deadline) {
        add(List.of(ResultEvents.inReview(application, deadline)));
    }

    /** Too many wrong codes returned the application: the provider hears it (the principals typed the codes). */
    void smsFailed(Application application) {
        add(List.of(ResultEvents.ofApplication("SMS_NOT_CONFIRMED", application)));
    }

    /** 撤回: the provider's own act, in its stream all the same, so the stream alone tells the whole story. */
    void withdrawn(Application application) {
        add(List.of(ResultEvents.ofApplication("WITHDRAWN", application)));
    }

    /** 清理空壳: the providers of the filing's other services hear that one of its services was cleaned up. */
    void shellCleanedUp(Filing filing, FilingNumber number, Instant at) {
        List<OutboxMessage> messages = new ArrayList<>(
                ResultEvents.ofFiling("SHELL_CLEANED_UP", filing, List.of(number), List.of(), null, at));
        messages.add(MinistryUploads.changed(filing.subjectNumber()));
        add(messages);
    }

    /** A filing changed without a notice to anyone but the ministry (reinstated after an objection, say). */
    void filingChanged(Filing filing) {
        add(List.of(MinistryUploads.changed(filing.subjectNumber())));
    }

    /** 备案通过: each principal gets an SMS and an e-mail with the numbers and where they must be shown. */
    void approved(Application application, Filing filing) {
        Transition decision = application.decision().orElseThrow();
        List<Map<String, String>> services = new ArrayList<>();
        List<FilingNumber> numbers = application.serviceNumbers();
        for (FiledService service : filing.services()) {
            if (numbers.isEmpty() || numbers.contains(service.number())) {
                services.add(service(service));
            }
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("subjectName", filing.subject().name());
        fields.put("subjectNumber", filing.subjectNumber().toString());
        fields.put("operation", application.operation().chineseName());
        fields.put("applicationId", application.id().value());
        fields.put("decidedAt", WHEN.format(decision.at()));
        String event = "approved/" + application.id().value();
        List<Principal> principals = application.principals();
        List<OutboxMessage> messages = new ArrayList<>(
                toEach(event, Channel.SMS, principals, p -> p.phone().value(), "approved", fields, services));
        messages.addAll(toEach(event, Channel.EMAIL, principals, p -> p.email().value(), "approved", fields, services));
        messages.add(ResultEvents.ofApplication(ResultEvents.approvalKind(application), application));
        messages.add(MinistryUploads.changed(filing.subjectNumber()));
        add(messages);
    }

    /** 退回: the principals learn why, in words, by e-mail. */
    void returned(Application application, String template) {
        Transition decision = application.history().get(application.history().size() - 1);
        List<Map<String, String>> reasons = new ArrayList<>();
        for (ReturnReason reason : decision.reasons()) {
            reasons.add(Map.of("code", reason.name(), "text", reason.chineseText()));
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("subjectName", application.subject().name());
        fields.put("operation", application.operation().chineseName());
        fields.put("applicationId", application.id().value());
        fields.put("decidedAt", WHEN.format(decision.at()));
        if (decision.comment() != null) {
            fields.put("comment", decision.comment());
        }
        // an application can be returned again after a resubmission: the step number tells the returns apart
        List<OutboxMessage> messages = new ArrayList<>(toEach(template + "/" + application.id().value() + "/"
                + application.history().size(), Channel.EMAIL, application.principals(), p -> p.email().value(),
                template, fields, reasons));
        messages.add(ResultEvents.ofApplication(template.equals("sms-expired") ? "SMS_NOT_CONFIRMED" : "RETURNED",
                application));
        add(messages);
    }

    /** 注销备案 by a supervisor: the subject principal and those of the revoked services, by e-mail. */
    void revoked(Filing filing, List<FilingNumber> revoked, List<RevocationReason> why, String comment, Instant at) {
        List<Principal> principals = new ArrayList<>();
        principals.add(filing.subject().principal());
        List<Map<String, String>> items = new ArrayList<>();
        for (FiledService service : filing.services()) {
            if (revoked.contains(service.number())) {
                items.add(service(service));
                principals.add(service.service().principal());
            }
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("subjectName", filing.subject().name());
        fields.put("subjectNumber", filing.subjectNumber().toString());
        fields.put("reasons", String.join("；", why.stream().map(RevocationReason::chineseText).toList()));
        fields.put("decidedAt", WHEN.format(at));
        if (comment != null) {
            fields.put("comment", comment);
        }
        List<OutboxMessage> messages = new ArrayList<>(toEach("revoked/" + filing.subjectNumber() + "/"
                + filing.version(), Channel.EMAIL, principals, p -> p.email().value(), "revoked", fields, items));
        messages.addAll(ResultEvents.ofFiling("REVOKED", filing, revoked, why, comment, at));
        messages.add(MinistryUploads.changed(filing.subjectNumber()));
        add(messages);
    }

    private static Map<String, String> service(FiledService filed) {
        Map<String, String> item = new LinkedHashMap<>();
        item.put("number", filed.number().toString());
        item.put("name", filed.service().name());
        ServiceKind kind = filed.service().kind();
        item.put("kind", switch (kind) {
            case WEBSITE -> "网站";
            case APP -> "APP";
            case MINI_PROGRAM -> "小程序";
            case QUICK_APP -> "快应用";
        });
        // the template says where the number must be shown: a website's footer links it to the ministry's site
        item.put(kind == ServiceKind.WEBSITE ? "website" : "app", "true");
        return item;
    }

    /** One message per distinct address among the principals (a person principal twice hears once). */
    private static List<OutboxMessage> toEach(String event, Channel channel, List<Principal> principals,
                                              Function<Principal, String> address, String template,
                                              Map<String, String> fields, List<Map<String, String>> items) {
        Map<String, Principal> byAddress = new LinkedHashMap<>();
        principals.forEach(p -> byAddress.putIfAbsent(address.apply(p), p));
        List<OutboxMessage> messages = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, Principal> recipient : byAddress.entrySet()) {
            Map<String, String> personal = new LinkedHashMap<>(fields);
            personal.put("name", recipient.getValue().name());
            messages.add(new OutboxMessage(channel, event + "/" + channel.name().toLowerCase() + "/" + n++,
                    recipient.getKey(), template, personal, items, false));
        }
        return messages;
    }

    private void add(List<OutboxMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        outbox.add(messages);
        transactions.afterCommit(relay::wake);
    }
}
