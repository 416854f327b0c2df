package icp.filing.application.usecase;

import icp.filing.domain.application.Application;
import icp.filing.domain.time.WorkingDayCalendar;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The bureau's 20 working days (审核时限): counted by the official calendar from the day after the application last
 * entered the queue, in China's dates.
 */
@Singleton
public final class ReviewPeriod {
    public static final int WORKING_DAYS = 20;
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final WorkingDayCalendar calendar;
    private final Clock clock;

    public ReviewPeriod(WorkingDayCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    /** Where an application under review stands against its deadline. */
    public record Standing(LocalDate deadline, int workingDaysLeft, boolean overdue, WorkingDayCalendar.Basis basis) {
    }

    /** Empty for an application that is not in review. */
    public Optional<Standing> of(Application application) {
        if (application.state() != icp.filing.domain.application.ApplicationState.IN_REVIEW) {
            return Optional.empty();
        }
        return application.queuedAt().map(queued -> {
            WorkingDayCalendar.Deadline deadline = calendar.deadline(chinaDate(queued), WORKING_DAYS);
            LocalDate today = today();
            WorkingDayCalendar.Count left = calendar.workingDaysLeft(today, deadline.date());
            boolean sameBasis = left.basis() == deadline.basis();
            return new Standing(deadline.date(), left.workingDays(), today.isAfter(deadline.date()),
                    sameBasis ? deadline.basis() : WorkingDayCalendar.Basis.WEEKDAYS_ONLY);
        });
    }

    /**
     * Applications that entered the queue before this instant are overdue today: the cut the overdue list finds its
     * candidates by, in the queue's index. Whether each is overdue is still {@link #of}'s answer (ReviewQueue).
     */
    public Instant overdueIfQueuedBefore() {
        LocalDate cut = calendar.lastAcceptedDayOverdue(today(), WORKING_DAYS);
        return cut.plusDays(1).atStartOfDay(CHINA).toInstant();
    }

    public LocalDate today() {
        return chinaDate(clock.instant());
    }

    private static LocalDate chinaDate(Instant instant) {
        return instant.atZone(CHINA).toLocalDate();
    }
}
