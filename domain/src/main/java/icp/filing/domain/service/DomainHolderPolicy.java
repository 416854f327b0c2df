package icp.filing.domain.service;

import icp.filing.domain.common.Text;
import icp.filing.domain.error.InvalidValueException;
import icp.filing.domain.error.Reason;
import icp.filing.domain.error.Violation;
import icp.filing.domain.subject.Subject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * 域名持有者: a subject files only domains it holds. Every registrable domain of a website needs a holder record, as
 * the provider's verification recorded it, and the holder must be the subject itself, by name and certificate
 * number. A refusal never says who the holder is instead.
 */
public final class DomainHolderPolicy {
    private DomainHolderPolicy() {
    }

    /** One holder record as given: the registrable domain it is about, the holder's name and certificate number. */
    public record Holder(DomainName registrableDomain, String name, String certificateNumber) {
    }

    /**
     * @param registrableDomains the registrable domains of the website's domains
     * @param holders            the records given, in order; reported at {@code path.domain_holders[i]}
     */
    public static List<Violation> check(Subject subject, Set<DomainName> registrableDomains, List<Holder> holders,
                                        String path) {
        List<Violation> violations = new ArrayList<>();
        Set<DomainName> held = new LinkedHashSet<>();
        for (int i = 0; i < holders.size(); i++) {
            Holder holder = holders.get(i);
            held.add(holder.registrableDomain());
            if (!Text.sameKey(holder.name(), subject.name()) || !sameCertificate(subject, holder.certificateNumber())) {
                violations.add(new Violation(path + ".domain_holders[" + i + "]", Reason.DOMAIN_HOLDER_MISMATCH,
                        "域名持有者与主办者不一致 / the domain holder is not the subject"));
            }
        }
        for (DomainName registrable : registrableDomains) {
            if (!held.contains(registrable)) {
                violations.add(new Violation(path + ".domain_holders", Reason.REQUIRED,
                        "缺少域名 " + registrable + " 的持有者信息 / holder of " + registrable + " is required"));
            }
        }
        return violations;
    }

    private static boolean sameCertificate(Subject subject, String raw) {
        try {
            return subject.certificateType().normalizeNumber(raw).equals(subject.certificateNumber());
        } catch (InvalidValueException e) {
            return false;
        }
    }
}
