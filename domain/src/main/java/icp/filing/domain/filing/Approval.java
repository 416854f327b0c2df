package icp.filing.domain.filing;

import icp.filing.domain.application.Actor;
import icp.filing.domain.application.ApplicationId;
import icp.filing.domain.application.ProviderId;
import java.time.Instant;
import java.util.Objects;

/**
 * Who and what an approved application's effect on a filing comes from: the application, the provider whose
 * request it was, and the reviewer who approved it. Every record entry it writes names both.
 */
public record Approval(ApplicationId application, ProviderId provider, Actor reviewer, Instant at) {
    public Approval {
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(reviewer, "reviewer");
        Objects.requireNonNull(at, "at");
    }
}
