package icp.filing.domain.application;

import icp.filing.domain.number.FilingNumber;
import icp.filing.domain.service.Service;
import icp.filing.domain.subject.Subject;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one application asks for: exactly one of the operations of a filing's life. A new filing opens a filing; every
 * other request is a {@link FilingChange} of a filed subject, named by its number.
 */
public sealed interface FilingRequest permits FilingRequest.NewFiling, FilingChange {
    Operation operation();

    /** The subject: as asked for by a new filing or a change of subject, as filed (at submission) otherwise. */
    Subject subject();

    /** The services carried (new, changed or described), in the order given; none for a cancellation. */
    List<Service> services();

    /** The filing number the request names; empty for a new filing. */
    Optional<FilingNumber> target();

    /** The contract's name for the request, the first element of every field path that reports on it. */
    default String fieldName() {
        return operation().name().toLowerCase(java.util.Locale.ROOT);
    }

    /** 首次备案. */
    record NewFiling(Subject subject, List<Service> services) implements FilingRequest {
        public NewFiling {
            Objects.requireNonNull(subject, "subject");
            services = List.copyOf(services);
        }

        @Override
        public Operation operation() {
            return Operation.NEW_FILING;
        }

        @Override
        public Optional<FilingNumber> target() {
            return Optional.empty();
        }
    }
}
