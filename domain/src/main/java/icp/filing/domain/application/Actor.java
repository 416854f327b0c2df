package icp.filing.domain.application;

import java.util.Objects;

/** Who caused a transition: a provider, a bureau reviewer, or the system itself (timers, relays). */
public record Actor(Kind kind, String id) {
    public enum Kind { PROVIDER, BUREAU_REVIEWER, BUREAU_SUPERVISOR, SYSTEM }

    public Actor {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    public static Actor provider(ProviderId id) {
        return new Actor(Kind.PROVIDER, id.value());
    }

    public static Actor reviewer(String username) {
        return new Actor(Kind.BUREAU_REVIEWER, username);
    }

    public static Actor system() {
        return new Actor(Kind.SYSTEM, "system");
    }
}
