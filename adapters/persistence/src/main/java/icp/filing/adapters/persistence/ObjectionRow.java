package icp.filing.adapters.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.time.LocalDateTime;

/**
 * One row of {@code objection}. {@code openTarget} is the decision's key while the objection is open and null once
 * answered: the unique key {@code uk_objection_open} holds one open objection per decision (MariaDB has no partial
 * unique index).
 */
@MappedEntity("objection")
record ObjectionRow(
        @Id String id,
        String providerId,
        String provinceCode,
        String against,
        String target,
        @Nullable String openTarget,
        String statement,
        LocalDateTime lodgedAt,
        String state,
        @Nullable String answer,
        @Nullable String answeredByKind,
        @Nullable String answeredById,
        @Nullable LocalDateTime answeredAt,
        @Version Long version) {
}
