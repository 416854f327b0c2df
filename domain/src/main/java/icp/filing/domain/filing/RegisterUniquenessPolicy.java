package icp.filing.domain.filing;

import icp.filing.domain.error.Reason;
import icp.filing.domain.error.Violation;
import icp.filing.domain.number.FilingNumber;
import icp.filing.domain.service.AppIdentity;
import icp.filing.domain.service.DomainName;
import icp.filing.domain.service.Service;
import icp.filing.domain.service.Website;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * 主体责任: the subject that files a registrable domain answers for every name under it, so one registrable domain
 * belongs to one subject, nationally; a domain is filed once; an APP, mini program or quick app is filed by one
 * subject. The register is asked through the functions given; its unique keys hold the same at approval, when two
 * requests race.
 */
public final class RegisterUniquenessPolicy {
    private final Function<DomainName, DomainName> registrable;
    private final Function<DomainName, Optional<FilingNumber>> ownerOf;
    private final Predicate<AppIdentity> appFiled;

    /**
     * @param registrable the registrable domain of a domain
     * @param ownerOf     the filed subject that owns a registrable domain
     * @param appFiled    whether an app identity is filed now
     */
    public RegisterUniquenessPolicy(Function<DomainName, DomainName> registrable,
                                    Function<DomainName, Optional<FilingNumber>> ownerOf,
                                    Predicate<AppIdentity> appFiled) {
        this.registrable = registrable;
        this.ownerOf = ownerOf;
        this.appFiled = appFiled;
    }

    /**
     * @param own   the filing the services are added to; null for a new filing
     * @param paths where each service was given
     */
    public List<Violation> check(List<Service> services, List<String> paths, Filing own) {
        List<Violation> violations = new ArrayList<>();
        Set<DomainName> ownDomains = own == null ? Set.of() : own.filedServices().stream()
                .filter(s -> s.service() instanceof Website).flatMap(s -> ((Website) s.service()).domains().stream())
                .collect(Collectors.toSet());
        for (int i = 0; i < services.size(); i++) {
            Service service = services.get(i);
            if (service instanceof Website website) {
                for (int d = 0; d < website.domains().size(); d++) {
                    DomainName domain = website.domains().get(d);
                    DomainName registrableDomain = registrable.apply(domain);
                    boolean takenByOther = ownerOf.apply(registrableDomain)
                            .filter(owner -> own == null || !owner.equals(own.subjectNumber())).isPresent();
                    if (ownDomains.contains(domain) || takenByOther) {
                        violations.add(new Violation(paths.get(i) + ".website.domains[" + d + "]",
                                Reason.DOMAIN_ALREADY_FILED, "域名 " + registrableDomain + " 已被备案 / already filed"));
                    }
                }
            } else if (service.appIdentity().filter(appFiled).isPresent()) {
                violations.add(new Violation(paths.get(i) + ServiceChangePolicy.identityField(service),
                        Reason.APP_ALREADY_FILED, "该应用已被备案 / already filed"));
            }
        }
        return violations;
    }
}
