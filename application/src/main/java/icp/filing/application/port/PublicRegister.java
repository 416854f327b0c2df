package icp.filing.application.port;

import icp.filing.domain.number.FilingNumber;
import icp.filing.domain.service.DomainName;
import icp.filing.domain.service.PreApprovalType;
import icp.filing.domain.service.ServiceKind;
import java.time.Instant;
import java.util.List;

/** Read side of the register for the public query; rows carry nothing the public may not see. */
public interface PublicRegister {

    /** Every service of the subject, or the one service when the number has a suffix. */
    List<Entry> byNumber(FilingNumber number);

    /** The services whose domains lie at or under this registrable domain. */
    List<Entry> byRegistrableDomain(DomainName registrableDomain);

    /**
     * What {@link #byRegistrableDomain} would answer, if the register has it at hand without waiting on its store
     * (asked lately); empty when the store must be read.
     */
    default java.util.Optional<List<Entry>> kept(DomainName registrableDomain) {
        return java.util.Optional.empty();
    }

    /**
     * The services at or under each registrable domain, by the domain's ASCII form, in one query (batch lookup); a
     * domain nothing is filed under is absent.
     */
    default java.util.Map<String, List<Entry>> byRegistrableDomains(java.util.Collection<DomainName> domains) {
        java.util.Map<String, List<Entry>> found = new java.util.LinkedHashMap<>();
        domains.forEach(d -> found.put(d.ascii(), byRegistrableDomain(d)));
        found.values().removeIf(List::isEmpty);
        return found;
    }

    /**
     * The services of each number (a subject number: all its services; a service number: that one), by the number as
     * written, in one query (batch lookup).
     */
    default java.util.Map<String, List<Entry>> byNumbers(java.util.Collection<FilingNumber> numbers) {
        java.util.Map<String, List<Entry>> found = new java.util.LinkedHashMap<>();
        numbers.forEach(n -> found.put(n.toString(), byNumber(n)));
        found.values().removeIf(List::isEmpty);
        return found;
    }

    /** Services of units with exactly this name; natural persons are never found by name. */
    List<Entry> byUnitName(String unitName);

    /** One published service as the register holds it; the subject name is unmasked here. */
    record Entry(String subjectName, boolean person, String natureName, String subjectNumber,
                 String serviceNumber, ServiceKind kind, String serviceName, List<String> domains, String homeUrl,
                 String platform, String appKey, Instant approvedAt, List<PreApprovalType> preApprovals) {
    }
}
