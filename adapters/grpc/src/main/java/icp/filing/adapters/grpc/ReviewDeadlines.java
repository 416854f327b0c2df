package icp.filing.adapters.grpc;

import icp.filing.application.usecase.ReviewPeriod;
import icp.filing.domain.time.WorkingDayCalendar;
import icp.filing.proto.provider.v1.ReviewCalendar;
import icp.filing.proto.provider.v1.ReviewDeadline;
import java.util.Map;
import java.util.Optional;

/** The review deadline in the provider contract: from an application's standing, or from a result event's fields. */
final class ReviewDeadlines {
    private ReviewDeadlines() {
    }

    static ReviewDeadline of(ReviewPeriod.Standing standing) {
        return ReviewDeadline.newBuilder().setDate(standing.deadline().toString())
                .setWorkingDaysLeft(standing.workingDaysLeft()).setOverdue(standing.overdue())
                .setCalendar(calendar(standing.basis())).build();
    }

    /** The deadline an IN_REVIEW event was written with (see Notifications.inReview), if it carries one. */
    static Optional<ReviewDeadline> of(Map<String, String> fields) {
        String date = fields.get("reviewDeadline");
        if (date == null) {
            return Optional.empty(); // an event written before deadlines were part of it
        }
        return Optional.of(ReviewDeadline.newBuilder().setDate(date)
                .setWorkingDaysLeft(Integer.parseInt(fields.getOrDefault("reviewWorkingDaysLeft", "0")))
                .setOverdue(Boolean.parseBoolean(fields.get("reviewOverdue")))
                .setCalendar(calendar(WorkingDayCalendar.Basis.valueOf(fields.getOrDefault("reviewCalendar",
                        "OFFICIAL")))).build());
    }

    private static ReviewCalendar calendar(WorkingDayCalendar.Basis basis) {
        return ReviewCalendar.valueOf("REVIEW_CALENDAR_" + basis.name());
    }
}
