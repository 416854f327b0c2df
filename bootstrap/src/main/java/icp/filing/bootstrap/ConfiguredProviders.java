package icp.filing.bootstrap;

import icp.filing.application.port.Providers;
import icp.filing.domain.application.ProviderId;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/** Access providers registered by configuration ({@code icp.providers.<id>.api-key-sha256}). */
@Singleton
final class ConfiguredProviders implements Providers {
    private final List<ProviderRegistration> registrations;

    ConfiguredProviders(List<ProviderRegistration> registrations) {
        this.registrations = registrations;
    }

    @Override
    public Optional<ProviderId> findByApiKeySha256(String sha256Hex) {
        return registrations.stream()
                .filter(r -> r.getApiKeySha256() != null && r.getApiKeySha256().equalsIgnoreCase(sha256Hex))
                .findFirst()
                .map(r -> new ProviderId(r.getId()));
    }

    @Override
    public Optional<String> clientCertificateSubject(ProviderId provider) {
        return registrations.stream().filter(r -> r.getId().equals(provider.value())).findFirst()
                .map(ProviderRegistration::getClientCertificateSubject).filter(s -> !s.isBlank());
    }
}
