package icp.filing.adapters.rest;

import icp.filing.domain.filing.Filing;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** The result of an approval: the numbers issued. */
@Serdeable
record DecisionView(String applicationId, String state, String subjectNumber, List<NumberedService> services) {

    @Serdeable
    record NumberedService(String serviceNumber, String kind, String name) {
    }

    static DecisionView approved(Filing filing) {
        return new DecisionView(filing.approvedApplication().value(), "APPROVED", filing.subjectNumber().toString(),
                filing.services().stream().map(s -> new NumberedService(s.number().toString(),
                        s.service().kind().name(), s.service().name())).toList());
    }
}
