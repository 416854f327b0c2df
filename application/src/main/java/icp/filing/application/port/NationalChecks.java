package icp.filing.application.port;

import icp.filing.domain.service.AppIdentity;
import java.util.Collection;

/**
 * The national checks of a provincial node that holds only its own provinces' filings: asks the ministry's register
 * whether registrable domains, APPs or a subject are filed anywhere. Absent where this process holds every province's
 * filings (the default single node): its own register answers then.
 */
public interface NationalChecks {
    NationalFiling.Registered check(Collection<String> registrableDomains, Collection<AppIdentity> apps,
                                    String subjectIdentitySha256);
}
