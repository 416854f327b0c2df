package icp.filing.domain.filing;

import icp.filing.domain.application.ProviderId;
import icp.filing.domain.number.FilingNumber;
import icp.filing.domain.service.DomainName;
import icp.filing.domain.service.Service;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A service as the register holds it: its number, what was approved for it, its state and the providers hosting it.
 * The registrable domains of a website are what national uniqueness is held on (one subject per registrable domain).
 * {@code service.access()} is the access as first submitted; the access records are what holds now.
 */
public record FiledService(FilingNumber number, Service service, FilingState state, List<AccessRecord> accesses,
                           List<DomainName> registrableDomains, ContentSource source) {
    public FiledService {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(source, "source");
        accesses = List.copyOf(accesses);
        registrableDomains = List.copyOf(registrableDomains);
        if (!number.isServiceNumber()) {
            throw new IllegalArgumentException("a service is keyed by its service number");
        }
    }

    public boolean isFiled() {
        return state == FilingState.FILED;
    }

    /** 空壳网站/APP: still filed, but no provider hosts it any more; the bureau follows these up. */
    public boolean isShell() {
        return isFiled() && accesses.isEmpty();
    }

    public boolean isHostedBy(ProviderId provider) {
        return access(provider).isPresent();
    }

    public Optional<AccessRecord> access(ProviderId provider) {
        return accesses.stream().filter(a -> a.provider().equals(provider)).findFirst();
    }

    FiledService with(Service newService, List<DomainName> newRegistrable, ContentSource newSource) {
        return new FiledService(number, newService, state, accesses, newRegistrable, newSource);
    }

    FiledService with(FilingState newState) {
        return new FiledService(number, service, newState, accesses, registrableDomains, source);
    }

    FiledService with(List<AccessRecord> newAccesses) {
        return new FiledService(number, service, state, newAccesses, registrableDomains, source);
    }
}
