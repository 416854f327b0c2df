package icp.filing.application.port;

import icp.filing.domain.application.Application;
import icp.filing.domain.application.ApplicationId;
import icp.filing.domain.application.ApplicationState;
import icp.filing.domain.application.ProviderId;
import icp.filing.domain.common.Province;
import java.util.Optional;

/** Stored applications. Implementations hold uniqueness (request id, one open application per subject) in the database. */
public interface Applications {

    /**
     * Stores a new application.
     *
     * @throws icp.filing.domain.error.AlreadyExistsException DUPLICATE_REQUEST_ID or OPEN_APPLICATION_EXISTS
     */
    void add(Application application);

    /**
     * Stores the changes of a loaded application, what it asks for included, if nobody changed it since it was
     * loaded.
     *
     * @throws icp.filing.domain.error.ConcurrentUpdateException when the stored version moved on
     */
    void update(Application application);

    Optional<Application> find(ApplicationId id);

    /** The application's history as stored, each transition with its chain hashes, oldest first. */
    java.util.List<icp.filing.domain.application.HistoryChain.Entry> history(ApplicationId id);

    Optional<Application> findByRequestId(ProviderId provider, String requestId);

    /** The provider's own applications, newest first. */
    Page<Application> listByProvider(ProviderId provider, Optional<ApplicationState> state, PageRequest page);

    /**
     * How many subjects other than {@code subjectKey}, with an open or approved application, name a subject
     * principal with this certificate number, and how many with this phone (asked together: one read).
     */
    PrincipalUsage principalUsage(String certificateNumber, String phone, String subjectKey);

    /** Other subjects served by a principal's certificate and by their phone. */
    record PrincipalUsage(long byCertificate, long byPhone) {
    }

    /** One province's applications in a state, oldest queue entry first (the review order). */
    Page<Application> listByProvince(Province province, ApplicationState state, PageRequest page);

    /** One province's applications in review that entered the queue before {@code queuedBefore}, oldest first. */
    Page<Application> listInReviewQueuedBefore(Province province, java.time.Instant queuedBefore, PageRequest page);
}
