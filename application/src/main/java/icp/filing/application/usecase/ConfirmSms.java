package icp.filing.application.usecase;

import icp.filing.application.port.Applications;
import icp.filing.application.port.SmsVerifications;
import icp.filing.application.port.Transactions;
import icp.filing.domain.application.Application;
import icp.filing.domain.application.ApplicationState;
import icp.filing.domain.error.ConcurrentUpdateException;
import icp.filing.domain.error.InvalidInputException;
import icp.filing.domain.error.Reason;
import icp.filing.domain.error.Violations;
import icp.filing.domain.identity.PhoneNumber;
import icp.filing.domain.verification.CodeKey;
import icp.filing.domain.verification.SmsVerification;
import icp.filing.domain.verification.SmsVerification.Outcome;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A principal confirms a code (公共核验): phone, code and the last 6 characters of their certificate number. The
 * answer is the same for an unknown phone, a wrong code, a wrong tail and an ended verification, so the endpoint
 * tells nobody who has an application. A wrong code given with a principal's own phone and certificate tail counts
 * against every verification waiting for that principal; the sixth returns the application, as does the deadline
 * passing (then {@link ExpireSmsVerifications} or the next attempt notices). An attempt whose tail belongs to no
 * principal awaited counts nowhere here: it cannot succeed, and counting it would let whoever knows a phone end
 * someone else's filing (the caller's own limits, per client address, still count it). When the last principal
 * confirms, the application enters the bureau's queue.
 */
@Singleton
public final class ConfirmSms {
    private static final int ATTEMPTS = 5;

    private final SmsVerifications verifications;
    private final Applications applications;
    private final Transactions transactions;
    private final Clock clock;
    private final Notifications notifications;

    private final CodeKey key;
    private final ReviewPeriod period;

    public ConfirmSms(SmsVerifications verifications, Applications applications, Transactions transactions,
                      Clock clock, Notifications notifications, CodeKey key, ReviewPeriod period) {
        this.period = period;
        this.notifications = notifications;
        this.key = key;
        this.verifications = verifications;
        this.applications = applications;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What an attempt did. */
    public sealed interface Attempt permits Confirmed, Refused {
    }

    /** A successful confirmation: whether every principal of the application has now confirmed. */
    public record Confirmed(boolean applicationComplete) implements Attempt {
    }

    /**
     * Not accepted. {@code principalsTail}: the phone and tail were those of a principal awaited, so the attempt was
     * a wrong code of that principal (and counts against the phone's own limit); otherwise it could never succeed.
     */
    public record Refused(boolean principalsTail) implements Attempt {
    }

    /** @throws InvalidInputException malformed input by field, or SMS_CODE_NOT_ACCEPTED for any other refusal */
    public Confirmed confirm(String phone, String code, String certificateTail) {
        if (attempt(phone, code, certificateTail) instanceof Confirmed confirmed) {
            return confirmed;
        }
        throw notAccepted();
    }

    /** The same as {@link #confirm} but a refusal is answered, not thrown; malformed input is still thrown. */
    public Attempt attempt(String phone, String code, String certificateTail) {
        Violations violations = new Violations();
        PhoneNumber number = violations.check("phone", () -> PhoneNumber.parse(phone));
        if (code == null || !code.strip().matches("\\d{6}")) {
            violations.add("code", Reason.INVALID_FORMAT, "验证码为6位数字 / the code has 6 digits");
        }
        if (certificateTail == null || !certificateTail.strip().matches("[0-9A-Za-z]{6}")) {
            violations.add("certificateTail", Reason.INVALID_FORMAT,
                    "证件号码后6位 / the last 6 characters of the certificate number");
        }
        violations.throwIfAny();
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.inTransaction(
                        () -> attemptAt(number.value(), code.strip(), certificateTail.strip(), clock.instant()));
            } catch (ConcurrentUpdateException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private Attempt attemptAt(String phone, String code, String tail, Instant at) {
        List<SmsVerification> waiting = verifications.pendingFor(phone);
        Optional<SmsVerification> match = waiting.stream().filter(v -> v.accepts(phone, code, tail, at, key)).findFirst();
        if (match.isPresent()) {
            SmsVerification verification = match.get();
            Application application = applications.find(verification.application()).orElseThrow();
            if (application.state() != ApplicationState.AWAITING_SMS_CONFIRMATION) {
                // withdrawn meanwhile: nothing is left to confirm, and the answer says no more than for a wrong code
                verification.abandon();
                verifications.update(verification);
                return new Refused(true);
            }
            Outcome outcome = verification.confirm(phone, code, tail, at, key);
            verifications.update(verification);
            if (outcome == Outcome.CONFIRMED_ALL) {
                application.acceptIntoReview(at);
                applications.update(application);
                notifications.inReview(application, period.of(application).orElseThrow());
            }
            return new Confirmed(outcome == Outcome.CONFIRMED_ALL);
        }
        boolean principalsTail = false;
        for (SmsVerification verification : waiting) {
            Outcome outcome = verification.confirm(phone, code, tail, at, key);
            if (outcome == Outcome.NOT_A_PRINCIPAL) {
                continue; // nothing changed
            }
            principalsTail |= outcome == Outcome.WRONG || verification.wrongCodes() > SmsVerification.MAX_WRONG_CODES;
            Application application = applications.find(verification.application()).orElseThrow();
            if (outcome == Outcome.FAILED && application.state() == ApplicationState.AWAITING_SMS_CONFIRMATION) {
                application.failSmsConfirmation(at, verification.wrongCodes() > SmsVerification.MAX_WRONG_CODES
                        ? "短信核验码错误次数过多 / too many wrong SMS codes"
                        : "24小时内未完成短信核验 / not confirmed within 24 hours");
                applications.update(application);
                notifications.smsFailed(application);
            }
            verifications.update(verification);
        }
        return new Refused(principalsTail);
    }

    /** The one answer to every refusal: it tells nobody whether the phone has an application. */
    public static InvalidInputException notAccepted() {
        return InvalidInputException.of("code", Reason.SMS_CODE_NOT_ACCEPTED,
                "核验未通过：请核对手机号、验证码和证件号码后6位 / not accepted: check the phone, the code and the last 6 "
                        + "characters of the certificate number");
    }
}
