package icp.filing.domain.filing;

import icp.filing.domain.number.FilingNumber;
import icp.filing.domain.service.DomainName;
import icp.filing.domain.service.Service;
import java.util.List;
import java.util.Objects;

/**
 * A service as published under its number. The registrable domains of a website are what national
 * uniqueness is held on (one subject per registrable domain).
 */
public record FiledService(FilingNumber number, Service service, List<DomainName> registrableDomains) {
    public FiledService {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(service, "service");
        registrableDomains = List.copyOf(registrableDomains);
    }
}
