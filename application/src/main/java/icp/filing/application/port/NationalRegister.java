package icp.filing.application.port;

import icp.filing.domain.service.AppIdentity;
import java.util.Collection;

/**
 * The national register's tables (ministry side): uploads applied in version order per filing, each recorded; the
 * national uniqueness of subjects, registrable domains and APPs held by unique keys over what is filed.
 */
public interface NationalRegister {
    /**
     * Applies an upload: the same version again is DUPLICATE, an older one STALE (both change nothing and are
     * recorded).
     *
     * @throws icp.filing.domain.error.AlreadyExistsException when another filing holds the subject, a registrable
     *                                                        domain or an APP filed
     */
    NationalFiling.Uploaded apply(NationalFiling filing);

    /**
     * A round of uploads, each applied as {@link #apply} applies one, answered in order; one refused (the exception
     * {@link #apply} would throw, in its {@code refused}) does not keep the others out. Faults other than refusals
     * are thrown.
     */
    default java.util.List<NationalFiling.Applied> applyAll(java.util.List<NationalFiling> filings) {
        return NationalFiling.Applied.each(filings, this::apply, icp.filing.domain.error.FilingException.class);
    }

    NationalFiling.Registered check(Collection<String> registrableDomains, Collection<AppIdentity> apps,
                                    String subjectIdentitySha256);

    /**
     * Bulk import (a province or the ministry moving onto this system): applies a batch of filings in one
     * transaction — new ones with batched inserts, known ones as {@link #apply} would — and records, in the same
     * transaction, that the source has been read up to {@code position}, so that an import cut off resumes after the
     * last batch committed.
     */
    void importBatch(String source, long position, java.util.List<NationalFiling> filings);

    /** How far an import of this source got (0 when never started). */
    long imported(String source);
}
