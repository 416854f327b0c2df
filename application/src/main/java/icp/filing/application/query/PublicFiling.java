package icp.filing.application.query;

import icp.filing.domain.service.ServiceKind;
import java.time.LocalDate;
import java.util.List;

/**
 * One line of the public query (公共查询): what MIIT's public query shows, and nothing else: no phones,
 * e-mails or certificate numbers, and a natural person's name masked.
 */
public record PublicFiling(String subjectName, String natureName, String subjectNumber, String serviceNumber,
                           ServiceKind serviceKind, String serviceName, List<String> domains, String homeUrl,
                           String platform, List<String> preApprovalItems, boolean accessRestricted,
                           LocalDate approvalDate) {
}
