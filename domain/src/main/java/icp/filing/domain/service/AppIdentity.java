package icp.filing.domain.service;

import java.util.Objects;

/**
 * What makes an APP, mini program or quick app one and the same nationally: its kind, the platform that
 * distributes it, and the key the platform knows it by (package name, bundle id or appid).
 */
public record AppIdentity(ServiceKind kind, String platform, String key) {
    /** Quick apps have no distributing platform; a fixed one keeps the uniqueness index from seeing NULLs. */
    public static final String QUICK_APP_PLATFORM = "QUICK_APP";

    public AppIdentity {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(key, "key");
    }
}
