package icp.filing.domain.filing;

import icp.filing.domain.application.ProviderId;
import icp.filing.domain.service.Access;
import java.time.Instant;
import java.util.Objects;

/** 接入信息: one provider hosting one filed service, since when and how. */
public record AccessRecord(ProviderId provider, Access access, Instant since) {
    public AccessRecord {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(since, "since");
    }
}
