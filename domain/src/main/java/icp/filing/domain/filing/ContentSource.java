package icp.filing.domain.filing;

import icp.filing.domain.application.ApplicationId;
import java.time.Instant;
import java.util.Objects;

/**
 * Which approved application, and which item of it, says what a subject or service is now. A filing keeps no copy
 * of its own: its data is what the bureau approved, item by item, and a change moves the source to the newer
 * application.
 *
 * @param item the position of the service in the application's request; 0 for a subject
 * @param at   when the bureau approved it: the date the public query shows
 */
public record ContentSource(ApplicationId application, int item, Instant at) {
    public ContentSource {
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(at, "at");
        if (item < 0) {
            throw new IllegalArgumentException("item " + item);
        }
    }
}
