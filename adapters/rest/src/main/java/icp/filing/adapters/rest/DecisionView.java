package icp.filing.adapters.rest;

import icp.filing.application.usecase.ReviewApplication;
import icp.filing.domain.filing.Filing;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The result of an approval: the subject number and the services the decision was about (issued to a new filing or
 * added services; the one changed, cancelled or newly hosted), each with its state after the decision.
 */
@Serdeable
record DecisionView(String applicationId, String state, String subjectNumber, List<NumberedService> services) {

    @Serdeable
    record NumberedService(String serviceNumber, String kind, String name, String state) {
    }

    static DecisionView approved(ReviewApplication.Approved approved) {
        Filing filing = approved.filing();
        return new DecisionView(approved.application().id().value(), "APPROVED", filing.subjectNumber().toString(),
                approved.application().serviceNumbers().stream().map(n -> filing.service(n).orElseThrow())
                        .map(s -> new NumberedService(s.number().toString(), s.service().kind().name(),
                                s.service().name(), s.state().name())).toList());
    }
}
