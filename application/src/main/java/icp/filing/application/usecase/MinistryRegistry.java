package icp.filing.application.usecase;

import icp.filing.application.port.NationalFiling;
import icp.filing.application.port.NationalRegister;
import icp.filing.domain.common.Province;
import icp.filing.domain.error.PermissionDeniedException;
import icp.filing.domain.error.Reason;
import icp.filing.domain.service.AppIdentity;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.Set;

/** The ministry's side of icp.ministry.v1: provinces upload their filings and ask the national checks. */
@Singleton
public final class MinistryRegistry {
    private final NationalRegister register;

    public MinistryRegistry(NationalRegister register) {
        this.register = register;
    }

    /** @param callers the provinces the calling node's key stands for */
    public NationalFiling.Uploaded upload(Set<Province> callers, NationalFiling filing) {
        requireOwn(callers, filing);
        return register.apply(filing);
    }

    /** A round of uploads: all of the callers' provinces, or none is applied. */
    public java.util.List<NationalFiling.Applied> uploadAll(Set<Province> callers,
                                                            java.util.List<NationalFiling> filings) {
        filings.forEach(filing -> requireOwn(callers, filing));
        return register.applyAll(filings);
    }

    private static void requireOwn(Set<Province> callers, NationalFiling filing) {
        if (!callers.contains(filing.province())) {
            throw new PermissionDeniedException(Reason.PERMISSION_DENIED,
                    "只能上报本省的备案 / a province uploads only its own filings, not " + filing.subjectNumber());
        }
    }

    public NationalFiling.Registered check(Collection<String> registrableDomains, Collection<AppIdentity> apps,
                                           String subjectIdentitySha256) {
        return register.check(registrableDomains, apps, subjectIdentitySha256);
    }
}
