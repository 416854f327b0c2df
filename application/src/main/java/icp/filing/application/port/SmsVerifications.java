package icp.filing.application.port;

import icp.filing.domain.application.ApplicationId;
import icp.filing.domain.verification.SmsVerification;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stored SMS verifications, one per application. */
public interface SmsVerifications {

    /** Stores the first verification of an application just submitted, which has none. */
    void start(SmsVerification verification);

    /** Stores a verification just started for a resubmitted application, in place of its earlier one. */
    void replace(SmsVerification verification);

    /**
     * Stores what happened to a loaded verification if nobody changed it since.
     *
     * @throws icp.filing.domain.error.ConcurrentUpdateException when the stored version moved on
     */
    void update(SmsVerification verification);

    Optional<SmsVerification> find(ApplicationId application);

    /** Pending verifications that wait for a code from this phone. */
    List<SmsVerification> pendingFor(String phone);

    /** Pending verifications whose 24 hours ended before {@code at}, at most {@code limit}. */
    List<SmsVerification> pendingExpiredBy(Instant at, int limit);
}
