package icp.filing.domain.objection;

import icp.filing.domain.application.Actor;
import icp.filing.domain.application.Application;
import icp.filing.domain.application.ApplicationState;
import icp.filing.domain.application.ProviderId;
import icp.filing.domain.application.Transition;
import icp.filing.domain.error.Reason;
import icp.filing.domain.error.StateConflictException;
import icp.filing.domain.filing.FiledService;
import icp.filing.domain.filing.Filing;
import icp.filing.domain.filing.FilingState;
import icp.filing.domain.number.FilingNumber;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * 陈述申辩: the subject, through its provider, objects to a bureau's return of an application or revocation of a
 * filing, within the period allowed after the decision. The bureau answers: upheld, the decision is undone; rejected,
 * it stands. Both sides read the objection and its answer.
 */
public final class Objection {
    public enum Against { RETURN, REVOCATION }

    public enum State { OPEN, UPHELD, REJECTED }

    private final String id;
    private final ProviderId provider;
    private final Against against;
    /** The returned application's id, or the revoked subject or service number. */
    private final String target;
    private final String statement;
    private final Instant lodgedAt;
    private State state;
    private String answer;
    private Actor answeredBy;
    private Instant answeredAt;
    private final long version;

    private Objection(String id, ProviderId provider, Against against, String target, String statement,
                      Instant lodgedAt, State state, String answer, Actor answeredBy, Instant answeredAt,
                      long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.provider = Objects.requireNonNull(provider, "provider");
        this.against = Objects.requireNonNull(against, "against");
        this.target = Objects.requireNonNull(target, "target");
        this.statement = Objects.requireNonNull(statement, "statement");
        this.lodgedAt = Objects.requireNonNull(lodgedAt, "lodgedAt");
        this.state = Objects.requireNonNull(state, "state");
        this.answer = answer;
        this.answeredBy = answeredBy;
        this.answeredAt = answeredAt;
        this.version = version;
    }

    /** Against a bureau reviewer's return (not the system's, for an unconfirmed SMS), within the period. */
    public static Objection againstReturn(ProviderId provider, Application application, String statement, Instant at,
                                          Duration period) {
        Transition decision = application.decision().filter(d -> application.state() == ApplicationState.RETURNED)
                .filter(d -> d.actor().kind() == Actor.Kind.BUREAU_REVIEWER)
                .orElseThrow(() -> new StateConflictException(Reason.NOTHING_TO_OBJECT_TO,
                        "该申请没有可申辩的退回 / application " + application.id() + " has no return by the bureau"));
        requireWithin(decision.at(), at, period);
        return new Objection(UUID.randomUUID().toString(), provider, Against.RETURN, application.id().value(),
                statement, at, State.OPEN, null, null, null, 0);
    }

    /**
     * Against a revocation of a service or of the whole filing, within the period.
     *
     * @param revokedAt when the bureau revoked it, from the filing's record
     */
    public static Objection againstRevocation(ProviderId provider, Filing filing, FilingNumber number,
                                              String statement, Instant at, Duration period, Instant revokedAt) {
        FilingState state = number.isServiceNumber()
                ? filing.service(number).map(FiledService::state).orElse(null) : filing.state();
        if (state != FilingState.REVOKED) {
            throw new StateConflictException(Reason.NOTHING_TO_OBJECT_TO,
                    "未被撤销 / " + number + " is not revoked");
        }
        requireWithin(revokedAt, at, period);
        return new Objection(UUID.randomUUID().toString(), provider, Against.REVOCATION, number.toString(), statement,
                at, State.OPEN, null, null, null, 0);
    }

    public static Objection restore(String id, ProviderId provider, Against against, String target, String statement,
                                    Instant lodgedAt, State state, String answer, Actor answeredBy,
                                    Instant answeredAt, long version) {
        return new Objection(id, provider, against, target, statement, lodgedAt, state, answer, answeredBy,
                answeredAt, version);
    }

    private static void requireWithin(Instant decidedAt, Instant at, Duration period) {
        if (at.isAfter(decidedAt.plus(period))) {
            throw new StateConflictException(Reason.OBJECTION_PERIOD_OVER, "申辩期已过 / the period for an objection ("
                    + period.toDays() + " days) is over");
        }
    }

    /** 申辩成立: the decision is undone (the caller reopens the application or reinstates the filing). */
    public void uphold(Actor by, String words, Instant at) {
        answer(State.UPHELD, by, words, at);
    }

    /** 申辩不成立: the decision stands. */
    public void reject(Actor by, String words, Instant at) {
        answer(State.REJECTED, by, words, at);
    }

    private void answer(State outcome, Actor by, String words, Instant at) {
        if (state != State.OPEN) {
            throw new StateConflictException(Reason.OBJECTION_ALREADY_ANSWERED,
                    "申辩已答复 / objection " + id + " was answered already");
        }
        this.state = outcome;
        this.answeredBy = Objects.requireNonNull(by, "by");
        this.answer = words;
        this.answeredAt = at;
    }

    public String id() {
        return id;
    }

    public ProviderId provider() {
        return provider;
    }

    public Against against() {
        return against;
    }

    public String target() {
        return target;
    }

    public String statement() {
        return statement;
    }

    public Instant lodgedAt() {
        return lodgedAt;
    }

    public State state() {
        return state;
    }

    public Optional<String> answer() {
        return Optional.ofNullable(answer);
    }

    public Optional<Actor> answeredBy() {
        return Optional.ofNullable(answeredBy);
    }

    public Optional<Instant> answeredAt() {
        return Optional.ofNullable(answeredAt);
    }

    public long version() {
        return version;
    }
}
