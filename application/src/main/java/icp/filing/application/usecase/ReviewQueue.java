package icp.filing.application.usecase;

import icp.filing.application.port.Applications;
import icp.filing.application.port.Page;
import icp.filing.application.port.PageRequest;
import icp.filing.domain.application.Application;
import icp.filing.domain.application.ApplicationId;
import icp.filing.domain.application.ApplicationState;
import icp.filing.domain.error.NotFoundException;
import icp.filing.domain.error.Reason;
import jakarta.inject.Singleton;

/** What a bureau sees: its province's applications, oldest in the queue first. */
@Singleton
public final class ReviewQueue {
    private final Applications applications;

    public ReviewQueue(Applications applications) {
        this.applications = applications;
    }

    public Page<Application> list(Reviewer reviewer, ApplicationState state, PageRequest page) {
        return applications.listByProvince(reviewer.province(), state, page);
    }

    /** Another province's application is answered as not found: its existence is not the reviewer's business. */
    public Application get(Reviewer reviewer, String id) {
        return applications.find(new ApplicationId(id))
                .filter(a -> a.subject().province() == reviewer.province())
                .orElseThrow(() -> new NotFoundException(Reason.APPLICATION_NOT_FOUND, "no application " + id));
    }
}
