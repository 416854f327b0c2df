package icp.filing.domain.filing;

import icp.filing.domain.application.Actor;
import icp.filing.domain.application.ApplicationId;
import icp.filing.domain.application.ProviderId;
import icp.filing.domain.number.FilingNumber;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What happened to a filing, appended by each operation: the record of its life. Access changes take effect without
 * review, so this is where they are recorded.
 *
 * @param number      the subject number, or the service number the event is about
 * @param provider    the provider whose request it was; null for the bureau's own acts
 * @param application the approved application that caused it; null for changes that need no review
 * @param bureauUser  the bureau user who acted: on their own (a revocation), or by approving the provider's
 *                    application; null for a provider's own act (an access change) and for entries recorded before
 *                    approvals named their reviewer
 * @param reasons     coded reasons of the bureau's own acts
 * @param comment     the bureau's words, or null
 * @param changes     for a change of subject or service, what it changed (before → after), field by field
 */
public record FilingEvent(Kind kind, FilingNumber number, ProviderId provider, ApplicationId application,
                          Instant at, Actor bureauUser, List<String> reasons, String comment,
                          List<FieldChange> changes) {
    public enum Kind {
        FILED, SERVICE_ADDED, SUBJECT_CHANGED, SERVICE_CHANGED, SERVICE_CANCELLED, SUBJECT_CANCELLED, ACCESS_ADDED,
        ACCESS_CHANGED, ACCESS_CANCELLED, SERVICE_REVOKED, SUBJECT_REVOKED, SERVICE_REINSTATED, SUBJECT_REINSTATED
    }

    public FilingEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(at, "at");
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    /** Who caused the entry: the bureau user who acted or approved, else the provider, else the system. */
    public Actor actor() {
        if (bureauUser != null) {
            return bureauUser;
        }
        return provider == null ? Actor.system() : Actor.provider(provider);
    }

    /** An event of the bureau's own act. */
    public FilingEvent(Kind kind, FilingNumber number, ProviderId provider, ApplicationId application, Instant at,
                       Actor bureauUser, List<String> reasons, String comment) {
        this(kind, number, provider, application, at, bureauUser, reasons, comment, List.of());
    }

    /** An event of a provider's request. */
    public FilingEvent(Kind kind, FilingNumber number, ProviderId provider, ApplicationId application, Instant at) {
        this(kind, number, provider, application, at, null, List.of(), null, List.of());
    }
}
