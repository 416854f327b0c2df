package icp.filing.application.port;

import icp.filing.domain.filing.Filing;
import icp.filing.domain.service.AppIdentity;
import icp.filing.domain.service.DomainName;
import icp.filing.domain.subject.Subject;

/** Published filings, the national register. */
public interface Filings {

    /**
     * Publishes an approved filing.
     *
     * @throws icp.filing.domain.error.AlreadyExistsException SUBJECT_ALREADY_FILED, DOMAIN_ALREADY_FILED or
     *         APP_ALREADY_FILED when the register already holds the subject, a domain or an app
     */
    void publish(Filing filing);

    boolean isSubjectFiled(Subject subject);

    boolean isDomainFiled(DomainName registrableDomain);

    boolean isAppFiled(AppIdentity app);
}
