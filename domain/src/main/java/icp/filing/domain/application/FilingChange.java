package icp.filing.domain.application;

import icp.filing.domain.filing.Approval;
import icp.filing.domain.filing.Filing;
import icp.filing.domain.number.FilingNumber;
import icp.filing.domain.service.PublicSuffixes;
import icp.filing.domain.service.Service;
import icp.filing.domain.subject.Subject;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A request about a filed subject: each kind knows its own effect on the {@link Filing} once approved. */
public sealed interface FilingChange extends FilingRequest {

    /** A change carries no service unless it adds, changes or describes one. */
    @Override
    default List<Service> services() {
        return List.of();
    }

    /** The subject number of the filing the request is about. */
    default FilingNumber subjectNumber() {
        return target().orElseThrow().subjectNumber();
    }

    /** What approval does to the filing; its preconditions are checked by the filing. */
    void applyTo(Filing filing, Approval approval, PublicSuffixes suffixes);

    /** 新增网站/APP: the services get the next numbers of the subject. */
    record AddServices(FilingNumber subjectNumber, Subject subject, List<Service> services) implements FilingChange {
        public AddServices {
            requireSubjectNumber(subjectNumber);
            Objects.requireNonNull(subject, "subject");
            services = List.copyOf(services);
        }

        @Override
        public Operation operation() {
            return Operation.ADD_SERVICES;
        }

        @Override
        public Optional<FilingNumber> target() {
            return Optional.of(subjectNumber);
        }

        @Override
        public void applyTo(Filing filing, Approval approval, PublicSuffixes suffixes) {
            filing.addServices(services, approval, suffixes);
        }
    }

    /** 变更主体: {@code subject} is the subject as it is to be. */
    record ChangeSubject(FilingNumber subjectNumber, Subject subject) implements FilingChange {
        public ChangeSubject {
            requireSubjectNumber(subjectNumber);
            Objects.requireNonNull(subject, "subject");
        }

        @Override
        public Operation operation() {
            return Operation.CHANGE_SUBJECT;
        }

        @Override
        public Optional<FilingNumber> target() {
            return Optional.of(subjectNumber);
        }

        @Override
        public void applyTo(Filing filing, Approval approval, PublicSuffixes suffixes) {
            filing.changeSubject(subject, approval);
        }
    }

    /** 变更网站/APP: {@code service} is the service as it is to be. */
    record ChangeService(FilingNumber serviceNumber, Subject subject, Service service) implements FilingChange {
        public ChangeService {
            requireServiceNumber(serviceNumber);
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(service, "service");
        }

        @Override
        public Operation operation() {
            return Operation.CHANGE_SERVICE;
        }

        @Override
        public List<Service> services() {
            return List.of(service);
        }

        @Override
        public Optional<FilingNumber> target() {
            return Optional.of(serviceNumber);
        }

        @Override
        public void applyTo(Filing filing, Approval approval, PublicSuffixes suffixes) {
            filing.changeService(serviceNumber, service, approval, suffixes);
        }
    }

    /** 注销网站/APP. */
    record CancelService(FilingNumber serviceNumber, Subject subject) implements FilingChange {
        public CancelService {
            requireServiceNumber(serviceNumber);
            Objects.requireNonNull(subject, "subject");
        }

        @Override
        public Operation operation() {
            return Operation.CANCEL_SERVICE;
        }

        @Override
        public Optional<FilingNumber> target() {
            return Optional.of(serviceNumber);
        }

        @Override
        public void applyTo(Filing filing, Approval approval, PublicSuffixes suffixes) {
            filing.cancelService(serviceNumber, approval);
        }
    }

    /** 注销主体. */
    record CancelSubject(FilingNumber subjectNumber, Subject subject) implements FilingChange {
        public CancelSubject {
            requireSubjectNumber(subjectNumber);
            Objects.requireNonNull(subject, "subject");
        }

        @Override
        public Operation operation() {
            return Operation.CANCEL_SUBJECT;
        }

        @Override
        public Optional<FilingNumber> target() {
            return Optional.of(subjectNumber);
        }

        @Override
        public void applyTo(Filing filing, Approval approval, PublicSuffixes suffixes) {
            filing.cancelSubject(approval);
        }
    }

    /** 新增接入: {@code service} as the new provider describes it, with its access. */
    record AddAccess(FilingNumber serviceNumber, Subject subject, Service service) implements FilingChange {
        public AddAccess {
            requireServiceNumber(serviceNumber);
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(service, "service");
        }

        @Override
        public Operation operation() {
            return Operation.ADD_ACCESS;
        }

        @Override
        public List<Service> services() {
            return List.of(service);
        }

        @Override
        public Optional<FilingNumber> target() {
            return Optional.of(serviceNumber);
        }

        @Override
        public void applyTo(Filing filing, Approval approval, PublicSuffixes suffixes) {
            filing.addAccess(serviceNumber, service.access(), approval);
        }
    }

    private static void requireSubjectNumber(FilingNumber number) {
        if (Objects.requireNonNull(number, "subjectNumber").isServiceNumber()) {
            throw new IllegalArgumentException("a subject number is needed, not " + number);
        }
    }

    private static void requireServiceNumber(FilingNumber number) {
        if (!Objects.requireNonNull(number, "serviceNumber").isServiceNumber()) {
            throw new IllegalArgumentException("a service number is needed, not " + number);
        }
    }
}
