package icp.filing.domain.application;

import java.util.Objects;

/** The access provider (接入商) that submitted an application and owns it on the provider side. */
public record ProviderId(String value) {
    public ProviderId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value;
    }
}
