package icp.filing.adapters.rest;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;

/** One result of the public query as JSON: public fields only. */
@Serdeable
record PublicFilingView(String subjectName, String natureName, String subjectNumber, String serviceNumber,
                        String serviceKind, String serviceName, List<String> domains, @Nullable String homeUrl,
                        @Nullable String platform, List<String> preApprovalItems, boolean accessRestricted,
                        LocalDate approvalDate) {
}
