package icp.filing.application.port;

import icp.filing.domain.material.MaterialId;
import icp.filing.domain.service.AppIdentity;
import icp.filing.domain.service.DomainName;
import icp.filing.domain.subject.Subject;
import java.util.Collection;

/**
 * The register's questions a submission is about to ask, named first so that the database is asked them all in one
 * round trip: whether the subject is filed, who holds each registrable domain, which APPs are filed, how many other
 * subjects the principal stands behind, and the materials named. {@link Filings}, {@link Applications} and
 * {@link Materials} then answer those very questions from there, inside the same transaction and only until anything
 * else is sent to the database; any other question is asked as before. Nothing is decided here: a question not asked
 * ahead, or asked differently, is simply asked when it comes.
 */
@FunctionalInterface
public interface ReadAhead {
    /** Asks ahead; outside a transaction, does nothing. */
    void ask(Subject subject, Collection<DomainName> registrableDomains, Collection<AppIdentity> apps,
             Collection<MaterialId> materials);
}
