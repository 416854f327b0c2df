package icp.filing.application.port;

import icp.filing.domain.common.Province;
import icp.filing.domain.filing.Filing;
import icp.filing.domain.number.FilingNumber;
import icp.filing.domain.service.AppIdentity;
import icp.filing.domain.service.DomainName;
import icp.filing.domain.subject.Subject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The register of filings, each an aggregate under its subject number. Implementations hold national uniqueness in
 * the database: one filed subject per identity, one subject per registrable domain, one filing per domain and per
 * APP; a cancelled subject, domain or APP is free again.
 */
public interface Filings {

    /**
     * Stores a filing just opened.
     *
     * @throws icp.filing.domain.error.AlreadyExistsException SUBJECT_ALREADY_FILED, DOMAIN_ALREADY_FILED or
     *         APP_ALREADY_FILED when the register already holds the subject, a domain or an app
     */
    void add(Filing filing);

    /**
     * Stores what happened to a loaded filing if nobody changed it since it was loaded.
     *
     * @throws icp.filing.domain.error.ConcurrentUpdateException when the stored version moved on
     * @throws icp.filing.domain.error.AlreadyExistsException DOMAIN_ALREADY_FILED or APP_ALREADY_FILED for added
     *         services that another subject filed meanwhile
     */
    void update(Filing filing);

    /** The filing under this subject number, whatever its state. */
    Optional<Filing> find(FilingNumber subjectNumber);

    /** The filings under these subject numbers (those stored), whatever their state, read at one moment. */
    default java.util.Map<FilingNumber, Filing> findAll(java.util.Collection<FilingNumber> subjectNumbers) {
        java.util.Map<FilingNumber, Filing> found = new java.util.HashMap<>();
        subjectNumbers.forEach(n -> find(n).ifPresent(f -> found.put(n, f)));
        return found;
    }

    /** The record of the filing's life, oldest first. */
    List<icp.filing.domain.filing.FilingEvent> events(FilingNumber subjectNumber);

    /** The record as stored, each entry with its chain hashes, oldest first. */
    List<icp.filing.domain.filing.RecordChain.Entry> record(FilingNumber subjectNumber);

    /** The filing of this subject identity that is filed now. */
    Optional<FilingNumber> filedSubjectNumber(Subject subject);

    /** The filed subject that owns this registrable domain, if any. */
    Optional<FilingNumber> ownerOf(DomainName registrableDomain);

    boolean isAppFiled(AppIdentity app);

    /**
     * Filings for which no upload to the ministry was ever written (stored before the ministry tier, or moved in):
     * the national register does not know them yet.
     */
    List<FilingNumber> neverUploaded(int limit);

    /** 空壳: filed services of the province that no provider hosts any more, oldest first. */
    Page<Shell> shells(Province province, PageRequest page);

    /** A shell as the bureau lists it: the number, the name, and since when nobody hosts it. */
    record Shell(String serviceNumber, String serviceName, String subjectName, Instant since) {
    }

    default boolean isSubjectFiled(Subject subject) {
        return filedSubjectNumber(subject).isPresent();
    }

    default boolean isDomainFiled(DomainName registrableDomain) {
        return ownerOf(registrableDomain).isPresent();
    }
}
