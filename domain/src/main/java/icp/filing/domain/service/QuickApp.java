package icp.filing.domain.service;

import icp.filing.domain.subject.Principal;
import java.util.Objects;
import java.util.Optional;

/** 快应用: identified by its package name. */
public record QuickApp(String name, PackageName packageName, Principal principal, Access access,
                       ServiceContent content) implements Service {
    public QuickApp {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(access, "access");
        content = content == null ? ServiceContent.NONE : content;
    }

    /** A quickapp that declares no content categories, languages or pre-approvals. */
    public QuickApp(String name, PackageName packageName, Principal principal, Access access) {
        this(name, packageName, principal, access, ServiceContent.NONE);
    }

    @Override
    public ServiceKind kind() {
        return ServiceKind.QUICK_APP;
    }

    @Override
    public Optional<AppIdentity> appIdentity() {
        return Optional.of(new AppIdentity(ServiceKind.QUICK_APP, AppIdentity.QUICK_APP_PLATFORM, packageName.value()));
    }

    @Override
    public Service withAccess(Access newAccess) {
        return new QuickApp(name, packageName, principal, newAccess, content);
    }
}
