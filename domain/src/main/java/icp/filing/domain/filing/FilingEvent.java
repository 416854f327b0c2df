package icp.filing.domain.filing;

import icp.filing.domain.application.ApplicationId;
import icp.filing.domain.application.ProviderId;
import icp.filing.domain.number.FilingNumber;
import java.time.Instant;
import java.util.Objects;

/**
 * What happened to a filing, appended by each operation: the record of its life. Access changes take effect without
 * review, so this is where they are recorded.
 *
 * @param number      the subject number, or the service number the event is about
 * @param provider    the provider whose request it was; null for the bureau's own acts
 * @param application the approved application that caused it; null for changes that need no review
 */
public record FilingEvent(Kind kind, FilingNumber number, ProviderId provider, ApplicationId application,
                          Instant at) {
    public enum Kind {
        FILED, SERVICE_ADDED, SUBJECT_CHANGED, SERVICE_CHANGED, SERVICE_CANCELLED, SUBJECT_CANCELLED, ACCESS_ADDED,
        ACCESS_CHANGED, ACCESS_CANCELLED
    }

    public FilingEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(at, "at");
    }
}
