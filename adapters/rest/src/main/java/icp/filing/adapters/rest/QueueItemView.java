package icp.filing.adapters.rest;

import icp.filing.application.usecase.ReviewPeriod;
import icp.filing.domain.application.Application;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One line of the review queue: enough to pick the next application without loading all of them in full, with its
 * deadline (the 20th working day after it entered the queue) and the working days left (negative once overdue).
 */
@Serdeable
record QueueItemView(String id, String state, String operation, String operationName,
                     @Nullable String targetNumber, String subjectName, String nature,
                     List<String> serviceNames, Instant submittedAt, @Nullable Instant queuedAt,
                     @Nullable LocalDate deadline, @Nullable Integer workingDaysLeft, boolean overdue,
                     @Nullable String calendar, long version) {
    /** @param period where an application in review stands against its 20 working days */
    static QueueItemView of(Application a, Optional<ReviewPeriod.Standing> period) {
        return new QueueItemView(a.id().value(), a.state().name(), a.operation().name(),
                a.operation().chineseName(), a.request().target().map(Object::toString).orElse(null), a.subject().name(),
                a.subject().nature().chineseName(), a.services().stream().map(s -> s.name()).toList(),
                a.submittedAt(), a.queuedAt().orElse(null), period.map(ReviewPeriod.Standing::deadline).orElse(null),
                period.map(ReviewPeriod.Standing::workingDaysLeft).orElse(null),
                period.map(ReviewPeriod.Standing::overdue).orElse(false),
                period.map(p -> WorkingDaysController.basis(p.basis())).orElse(null), a.version());
    }
}
