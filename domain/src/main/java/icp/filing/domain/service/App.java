package icp.filing.domain.service;

import icp.filing.domain.subject.Principal;
import java.util.Objects;
import java.util.Optional;

/** APP: platform + package name identify it nationally; the signing fingerprint ties it to its publisher. */
public record App(String name, AppPlatform platform, PackageName packageName, Fingerprint signingFingerprint,
                  Principal principal, Access access, ServiceContent content) implements Service {
    public App {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(signingFingerprint, "signingFingerprint");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(access, "access");
        content = content == null ? ServiceContent.NONE : content;
    }

    /** A app that declares no content categories, languages or pre-approvals. */
    public App(String name, AppPlatform platform, PackageName packageName, Fingerprint signingFingerprint,
               Principal principal, Access access) {
        this(name, platform, packageName, signingFingerprint, principal, access, ServiceContent.NONE);
    }

    @Override
    public ServiceKind kind() {
        return ServiceKind.APP;
    }

    @Override
    public Optional<AppIdentity> appIdentity() {
        return Optional.of(new AppIdentity(ServiceKind.APP, platform.name(), packageName.value()));
    }

    @Override
    public Service withAccess(Access newAccess) {
        return new App(name, platform, packageName, signingFingerprint, principal, newAccess, content);
    }
}
