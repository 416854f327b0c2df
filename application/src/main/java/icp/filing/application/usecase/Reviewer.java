package icp.filing.application.usecase;

import icp.filing.domain.application.Actor;
import icp.filing.domain.common.Province;
import java.util.Objects;

/** A bureau user: reviews only the applications of their own province. */
public record Reviewer(String username, Province province) {
    public Reviewer {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(province, "province");
    }

    public Actor actor() {
        return Actor.reviewer(username);
    }
}
