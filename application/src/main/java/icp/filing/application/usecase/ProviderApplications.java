package icp.filing.application.usecase;

import icp.filing.application.port.Applications;
import icp.filing.application.port.Page;
import icp.filing.application.port.PageRequest;
import icp.filing.domain.application.Application;
import icp.filing.domain.application.ApplicationId;
import icp.filing.domain.application.ApplicationState;
import icp.filing.domain.application.ProviderId;
import icp.filing.domain.error.NotFoundException;
import icp.filing.domain.error.Reason;
import jakarta.inject.Singleton;
import java.util.Optional;

/** A provider reads its own applications; another provider's look exactly like ids that do not exist. */
@Singleton
public final class ProviderApplications {
    private final Applications applications;

    public ProviderApplications(Applications applications) {
        this.applications = applications;
    }

    public Application get(ProviderId provider, String id) {
        return applications.find(new ApplicationId(id))
                .filter(a -> a.provider().equals(provider))
                .orElseThrow(() -> new NotFoundException(Reason.APPLICATION_NOT_FOUND, "no application " + id));
    }

    public Page<Application> list(ProviderId provider, Optional<ApplicationState> state, PageRequest page) {
        return applications.listByProvider(provider, state, page);
    }
}
