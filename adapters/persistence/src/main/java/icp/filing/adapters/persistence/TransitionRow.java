package icp.filing.adapters.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.LocalDateTime;

/** One step of an application's history; rows are only ever appended. */
@MappedEntity("application_transition")
record TransitionRow(
        @Id @GeneratedValue @Nullable Long id,
        String applicationId,
        int seq,
        @Nullable String fromState,
        String toState,
        String actorKind,
        String actorId,
        LocalDateTime at,
        @Nullable String reasons,
        @Nullable String comment,
        String prevHash,
        String hash) {
}
