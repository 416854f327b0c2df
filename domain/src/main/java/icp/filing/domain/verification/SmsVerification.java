package icp.filing.domain.verification;

import icp.filing.domain.application.ApplicationId;
import icp.filing.domain.error.Reason;
import icp.filing.domain.error.ResourceExhaustedException;
import icp.filing.domain.error.StateConflictException;
import icp.filing.domain.subject.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * 短信核验 of one application: every principal concerned confirms a 6-digit code with their phone and the last 6
 * characters of their certificate number, within 24 hours of submission. A person who is principal of the subject
 * and of a service confirms once. At most 2 resends; the 6th wrong code, or the deadline passing, fails it, and the
 * application goes back to the provider.
 */
public final class SmsVerification {
    public static final Duration TIME_TO_CONFIRM = Duration.ofHours(24);
    public static final int MAX_RESENDS = 2;
    public static final int MAX_WRONG_CODES = 5;

    public enum State { PENDING, CONFIRMED, FAILED }

    /**
     * What a confirmation attempt did. {@code NOT_A_PRINCIPAL}: the phone and certificate tail belong to no principal
     * still to confirm here, so the attempt could never succeed and is not counted — otherwise anyone who knows a
     * principal's phone could fail the verification with six wrong codes and end someone else's filing.
     */
    public enum Outcome { CONFIRMED_ONE, CONFIRMED_ALL, WRONG, FAILED, NOT_A_PRINCIPAL }

    /** One principal to confirm: where the code goes, what they must also give, the code's hash, when confirmed. */
    public record Confirmation(String phone, String certificateTail, String codeHash, Instant confirmedAt) {
        public Confirmation {
            Objects.requireNonNull(phone, "phone");
            Objects.requireNonNull(certificateTail, "certificateTail");
            Objects.requireNonNull(codeHash, "codeHash");
        }

        public boolean confirmed() {
            return confirmedAt != null;
        }
    }

    /** A code to send: the phone, the code in clear (it exists only on its way out) and until when it counts. */
    public record Sms(String phone, String code, Instant expiresAt) {
        @Override
        public String toString() {
            return "Sms[" + phone.substring(0, Math.min(3, phone.length())) + "****]";
        }
    }

    private final ApplicationId application;
    private final List<Confirmation> confirmations;
    private final Instant expiresAt;
    private int resends;
    private int wrongCodes;
    private State state;
    private final long version;

    private SmsVerification(ApplicationId application, List<Confirmation> confirmations, Instant expiresAt,
                            int resends, int wrongCodes, State state, long version) {
        this.application = Objects.requireNonNull(application, "application");
        this.confirmations = new ArrayList<>(confirmations);
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        this.resends = resends;
        this.wrongCodes = wrongCodes;
        this.state = Objects.requireNonNull(state, "state");
        this.version = version;
    }

    /** A verification started, and the messages that carry its codes. */
    public record Started(SmsVerification verification, List<Sms> messages) {
    }

    /** Starts the verification of an application whose principals are given, subject principal first. */
    public static Started start(ApplicationId application, List<Principal> principals, Instant at, CodeKey key) {
        Map<String, Principal> once = new LinkedHashMap<>();
        for (Principal principal : principals) {
            once.putIfAbsent(principal.certificateType().name() + ":" + principal.certificateNumber(), principal);
        }
        List<Confirmation> confirmations = new ArrayList<>();
        List<Sms> messages = new ArrayList<>();
        for (Principal principal : once.values()) {
            VerificationCode.Issued code = VerificationCode.issue(key);
            confirmations.add(new Confirmation(principal.phone().value(), tail(principal.certificateNumber()),
                    code.hash(), null));
            messages.add(new Sms(principal.phone().value(), code.code(), at.plus(TIME_TO_CONFIRM)));
        }
        SmsVerification verification = new SmsVerification(application, confirmations, at.plus(TIME_TO_CONFIRM), 0,
                0, State.PENDING, 0);
        return new Started(verification, messages);
    }

    public static SmsVerification restore(ApplicationId application, List<Confirmation> confirmations,
                                          Instant expiresAt, int resends, int wrongCodes, State state, long version) {
        return new SmsVerification(application, confirmations, expiresAt, resends, wrongCodes, state, version);
    }

    /**
     * A principal's attempt: the code, phone and certificate tail must belong together. Every wrong code given with a
     * principal's own phone and tail counts; the sixth fails the verification. An attempt with a tail no principal
     * here has changes nothing ({@link Outcome#NOT_A_PRINCIPAL}).
     */
    public Outcome confirm(String phone, String code, String certificateTail, Instant at, CodeKey key) {
        if (state != State.PENDING || expire(at)) {
            return Outcome.FAILED;
        }
        String tail = normalTail(certificateTail);
        if (!awaits(phone, tail)) {
            return Outcome.NOT_A_PRINCIPAL;
        }
        for (int i = 0; i < confirmations.size(); i++) {
            Confirmation c = confirmations.get(i);
            if (!c.confirmed() && c.phone().equals(phone) && c.certificateTail().equals(tail)
                    && VerificationCode.matches(code, c.codeHash(), key)) {
                confirmations.set(i, new Confirmation(c.phone(), c.certificateTail(), c.codeHash(), at));
                if (confirmations.stream().allMatch(Confirmation::confirmed)) {
                    state = State.CONFIRMED;
                    return Outcome.CONFIRMED_ALL;
                }
                return Outcome.CONFIRMED_ONE;
            }
        }
        wrongCodes++;
        if (wrongCodes > MAX_WRONG_CODES) {
            state = State.FAILED;
            return Outcome.FAILED;
        }
        return Outcome.WRONG;
    }

    /** Whether this attempt would confirm a principal here; changes nothing. */
    public boolean accepts(String phone, String code, String certificateTail, Instant at, CodeKey key) {
        String tail = normalTail(certificateTail);
        return state == State.PENDING && at.isBefore(expiresAt) && confirmations.stream().anyMatch(c -> !c.confirmed()
                && c.phone().equals(phone) && c.certificateTail().equals(tail)
                && VerificationCode.matches(code, c.codeHash(), key));
    }

    /** 重发: new codes to those who have not confirmed; the 24 hours still count from submission. */
    public List<Sms> resend(Instant at, CodeKey key) {
        if (state != State.PENDING || expire(at)) {
            throw new StateConflictException(Reason.SMS_NOT_PENDING,
                    "短信核验已结束 / the SMS verification of " + application + " is " + state);
        }
        if (resends >= MAX_RESENDS) {
            throw new ResourceExhaustedException(Reason.TOO_MANY_RESENDS,
                    "最多重发 " + MAX_RESENDS + " 次 / at most " + MAX_RESENDS + " resends");
        }
        resends++;
        List<Sms> messages = new ArrayList<>();
        for (int i = 0; i < confirmations.size(); i++) {
            Confirmation c = confirmations.get(i);
            if (!c.confirmed()) {
                VerificationCode.Issued code = VerificationCode.issue(key);
                confirmations.set(i, new Confirmation(c.phone(), c.certificateTail(), code.hash(), null));
                messages.add(new Sms(c.phone(), code.code(), expiresAt));
            }
        }
        return messages;
    }

    /** Fails a pending verification whose 24 hours have passed; true if it is (now) failed that way. */
    public boolean expire(Instant at) {
        if (state == State.PENDING && !at.isBefore(expiresAt)) {
            state = State.FAILED;
        }
        return state == State.FAILED && !at.isBefore(expiresAt);
    }

    /** Ends a pending verification whose application left the SMS step another way (withdrawn by its provider). */
    public void abandon() {
        if (state == State.PENDING) {
            state = State.FAILED;
        }
    }

    /** Whether a principal with this phone and certificate tail still has a code to confirm here. */
    public boolean awaits(String phone, String certificateTail) {
        String tail = normalTail(certificateTail);
        return state == State.PENDING && confirmations.stream()
                .anyMatch(c -> !c.confirmed() && c.phone().equals(phone) && c.certificateTail().equals(tail));
    }

    private static String normalTail(String certificateTail) {
        return certificateTail == null ? "" : certificateTail.strip().toUpperCase(Locale.ROOT);
    }

    /** Whether this phone still has a code to confirm here. */
    public boolean awaits(String phone) {
        return state == State.PENDING && confirmations.stream().anyMatch(c -> !c.confirmed() && c.phone().equals(phone));
    }

    /** The last 6 characters of a certificate number, as the principal types them. */
    public static String tail(String certificateNumber) {
        String upper = certificateNumber.toUpperCase(Locale.ROOT);
        return upper.substring(Math.max(0, upper.length() - 6));
    }

    public ApplicationId application() {
        return application;
    }

    public List<Confirmation> confirmations() {
        return List.copyOf(confirmations);
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public int resends() {
        return resends;
    }

    public int wrongCodes() {
        return wrongCodes;
    }

    public State state() {
        return state;
    }

    public long version() {
        return version;
    }
}
