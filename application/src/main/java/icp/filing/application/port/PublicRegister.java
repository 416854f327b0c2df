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

    /** Services of units with exactly this name; natural persons are never found by name. */
    List<Entry> byUnitName(String unitName);

    /** One published service as the register holds it; the subject name is unmasked here. */
    record Entry(String subjectName, boolean person, String natureName, String subjectNumber,
                 String serviceNumber, ServiceKind kind, String serviceName, List<String> domains, String homeUrl,
                 String platform, String appKey, Instant approvedAt, List<PreApprovalType> preApprovals) {
    }
}
