package icp.filing.domain.application;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** One step in an application's history: who moved it from where to where, when and why. */
public record Transition(ApplicationState from, ApplicationState to, Actor actor, Instant at,
                         List<ReturnReason> reasons, String comment) {
    public Transition {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
        reasons = List.copyOf(reasons);
    }
}
