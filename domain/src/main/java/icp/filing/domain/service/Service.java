package icp.filing.domain.service;

import icp.filing.domain.subject.Principal;
import java.util.Optional;

/** 服务: what a subject files. Each kind carries the identifiers that make it unique nationally. */
public sealed interface Service permits Website, App, MiniProgram, QuickApp {
    String name();

    Principal principal();

    Access access();

    ServiceKind kind();

    /** Content categories, languages and pre-approvals. */
    ServiceContent content();

    /** The same service hosted differently: what a change compares leaves access aside. */
    Service withAccess(Access newAccess);

    /** The national identity of an app-like service; a website has none (its domains identify it). */
    default Optional<AppIdentity> appIdentity() {
        return Optional.empty();
    }
}
