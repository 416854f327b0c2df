package icp.filing.adapters.grpc;

import com.google.protobuf.Timestamp;
import icp.filing.application.usecase.ReviewPeriod;
import icp.filing.domain.application.Application;
import icp.filing.domain.application.Transition;
import icp.filing.domain.number.FilingNumber;
import icp.filing.proto.provider.v1.ApplicationState;
import icp.filing.proto.provider.v1.Operation;
import icp.filing.proto.provider.v1.ReturnReason;
import icp.filing.proto.provider.v1.ServiceKind;
import icp.filing.proto.provider.v1.ServiceOutcome;
import java.time.Instant;
import java.util.List;

/**
 * Domain applications to protobuf messages. Proto enum constants are the domain names with the enum's
 * prefix, so the two stay aligned by name; a domain value the contract lacks fails loudly in tests.
 */
final class ApplicationMessages {
    private ApplicationMessages() {
    }

    /** The application with its review deadline as of now, while it is in review. */
    static icp.filing.proto.provider.v1.Application toMessage(Application a, ReviewPeriod period) {
        var message = toMessage(a).toBuilder();
        period.of(a).ifPresent(standing -> message.setReviewDeadline(ReviewDeadlines.of(standing)));
        return message.build();
    }

    static icp.filing.proto.provider.v1.Application toMessage(Application a) {
        var message = icp.filing.proto.provider.v1.Application.newBuilder()
                .setId(a.id().value())
                .setRequestId(a.requestId().orElse(""))
                .setOperation(Operation.valueOf("OPERATION_" + a.operation().name()))
                .setState(state(a.state()))
                .setSubjectName(a.subject().name())
                .setProvinceCode(a.subject().province().code())
                .setSubmittedAt(timestamp(a.submittedAt()))
                .setSubjectNumber(a.subjectNumber().map(FilingNumber::toString).orElse(""));
        a.queuedAt().ifPresent(at -> message.setQueuedAt(timestamp(at)));
        List<FilingNumber> numbers = a.serviceNumbers();
        for (int i = 0; i < a.services().size(); i++) {
            var service = a.services().get(i);
            message.addServices(ServiceOutcome.newBuilder()
                    .setName(service.name())
                    .setKind(ServiceKind.valueOf("SERVICE_KIND_" + service.kind().name()))
                    .setServiceNumber(i < numbers.size() ? numbers.get(i).toString() : ""));
        }
        if (a.services().isEmpty()) {
            // a cancellation carries no service; once approved, the service it cancelled is named
            numbers.forEach(n -> message.addServices(ServiceOutcome.newBuilder().setServiceNumber(n.toString())
                    .setKind(ServiceKind.valueOf("SERVICE_KIND_" + n.suffix().kind().name()))));
        }
        a.request().target().ifPresent(t -> message.setTargetNumber(t.toString()));
        a.history().forEach(t -> message.addHistory(transition(t)));
        return message.build();
    }

    static ApplicationState state(icp.filing.domain.application.ApplicationState state) {
        return ApplicationState.valueOf("APPLICATION_STATE_" + state.name());
    }

    private static icp.filing.proto.provider.v1.Transition transition(Transition t) {
        var message = icp.filing.proto.provider.v1.Transition.newBuilder()
                .setToState(state(t.to()))
                .setActorKind(t.actor().kind().name())
                .setActorId(t.actor().id())
                .setAt(timestamp(t.at()))
                .setComment(t.comment() == null ? "" : t.comment());
        if (t.from() != null) {
            message.setFromState(state(t.from()));
        }
        t.reasons().forEach(r -> message.addReasons(ReturnReason.valueOf("RETURN_REASON_" + r.name())));
        return message.build();
    }

    private static Timestamp timestamp(Instant at) {
        return Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()).build();
    }
}
