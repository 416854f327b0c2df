package icp.filing.adapters.rest;

import icp.filing.domain.application.Application;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/** One line of the review queue: enough to pick the next application without loading all of them in full. */
@Serdeable
record QueueItemView(String id, String state, String operation, String operationName,
                     @Nullable String targetNumber, String subjectName, String nature,
                     List<String> serviceNames, Instant submittedAt, @Nullable Instant queuedAt, long version) {
    static QueueItemView of(Application a) {
        return new QueueItemView(a.id().value(), a.state().name(), a.operation().name(),
                a.operation().chineseName(), a.request().target().map(Object::toString).orElse(null), a.subject().name(),
                a.subject().nature().chineseName(), a.services().stream().map(s -> s.name()).toList(),
                a.submittedAt(), a.queuedAt().orElse(null), a.version());
    }
}
