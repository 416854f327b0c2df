package icp.filing.domain.filing;

import icp.filing.domain.application.ApplicationId;
import icp.filing.domain.number.FilingNumber;
import icp.filing.domain.subject.Subject;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** 备案信息: the approved, published state of a subject and its services. */
public record Filing(FilingNumber subjectNumber, Subject subject, List<FiledService> services,
                     ApplicationId approvedApplication, Instant approvedAt) {
    public Filing {
        Objects.requireNonNull(subjectNumber, "subjectNumber");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(approvedAt, "approvedAt");
        services = List.copyOf(services);
        if (subjectNumber.isServiceNumber()) {
            throw new IllegalArgumentException("a filing is keyed by its subject number");
        }
    }

    /** The next free service sequence: sequences count up per subject and are never reused. */
    public int nextServiceSequence() {
        return services.stream().mapToInt(s -> s.number().suffix().sequence()).max().orElse(0) + 1;
    }
}
