package icp.filing.domain.service;

import java.util.Optional;

/**
 * Knows the Public Suffix List, which changes too often to be code: finds the registrable domain
 * (the name a registrar sells: example.com.cn for www.shop.example.com.cn).
 */
public interface PublicSuffixes {
    /** Empty when the name is itself a public suffix or not under any known one. */
    Optional<DomainName> registrableDomain(DomainName name);
}
