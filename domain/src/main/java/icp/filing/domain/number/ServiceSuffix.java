package icp.filing.domain.number;

import icp.filing.domain.service.ServiceKind;
import java.util.Objects;

/** The "-N" part of a service number: a per-subject sequence and the kind's letter (-1, -2A, -3X, -4K). */
public record ServiceSuffix(int sequence, ServiceKind kind) {
    public ServiceSuffix {
        Objects.requireNonNull(kind, "kind");
        if (sequence < 1) {
            throw new IllegalArgumentException("service sequence starts at 1");
        }
    }

    @Override
    public String toString() {
        return "-" + sequence + kind.suffixLetter();
    }
}
