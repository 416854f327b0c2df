package icp.filing.adapters.rest;

import icp.filing.domain.error.InvalidValueException;
import icp.filing.domain.error.Reason;
import icp.filing.domain.error.Violations;
import icp.filing.domain.time.WorkingDayCalendar;
import icp.filing.domain.time.YearCalendar;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * 工作日: the calendar the review limit counts by, public and cacheable (a day's answer changes only when a year's
 * data is added). {@code calendar} says whether the official data covered the answer or it fell back to weekdays.
 */
@ApiResponse(responseCode = "4XX", description = "refused; the body says which rule and field",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@Controller("/api/v1/working-days")
@Secured(SecurityRule.IS_ANONYMOUS)
final class WorkingDaysController {
    private static final int FIRST_YEAR = 1990;
    private static final int LAST_YEAR = 2200;
    private static final String CACHEABLE = "public, max-age=3600";

    private final WorkingDayCalendar calendar;

    WorkingDaysController(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    /** The N-th working day after {@code accepted} (which does not count). */
    @Serdeable
    record DeadlineView(LocalDate accepted, int workingDays, LocalDate deadline, String calendar) {
    }

    @Serdeable
    record DayView(LocalDate date, String name) {
    }

    @Serdeable
    record YearView(int year, String calendar, List<DayView> holidays, List<DayView> makeUpWorkingDays) {
    }

    @Get("/deadline")
    HttpResponse<DeadlineView> deadline(@Nullable @QueryValue String accepted, @Nullable @QueryValue String days) {
        Violations violations = new Violations();
        LocalDate from = violations.check("accepted", () -> date(accepted));
        Integer count = violations.check("days", () -> number(days, 0, WorkingDayCalendar.MAX_WORKING_DAYS));
        violations.throwIfAny();
        if (from.getYear() < FIRST_YEAR || from.getYear() > LAST_YEAR) {
            violations.add("accepted", Reason.INVALID_DATE, "年份须在 " + FIRST_YEAR + "–" + LAST_YEAR
                    + " 之间 / the year must lie between " + FIRST_YEAR + " and " + LAST_YEAR);
            violations.throwIfAny();
        }
        WorkingDayCalendar.Deadline deadline = calendar.deadline(from, count);
        return HttpResponse.ok(new DeadlineView(deadline.accepted(), deadline.workingDays(), deadline.date(),
                basis(deadline.basis()))).header(HttpHeaders.CACHE_CONTROL, CACHEABLE);
    }

    @Get("/{year}")
    HttpResponse<YearView> year(@PathVariable String year) {
        Violations violations = new Violations();
        Integer y = violations.check("year", () -> number(year, FIRST_YEAR, LAST_YEAR));
        violations.throwIfAny();
        YearView view = calendar.year(y)
                .map(data -> new YearView(y, basis(WorkingDayCalendar.Basis.OFFICIAL), days(data.daysOff()),
                        days(data.makeUpDays())))
                .orElse(new YearView(y, basis(WorkingDayCalendar.Basis.WEEKDAYS_ONLY), List.of(), List.of()));
        return HttpResponse.ok(view).header(HttpHeaders.CACHE_CONTROL, CACHEABLE);
    }

    private static List<DayView> days(Map<LocalDate, String> days) {
        return days.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new DayView(e.getKey(), e.getValue())).toList();
    }

    /** "official" or "weekdays-only". */
    static String basis(WorkingDayCalendar.Basis basis) {
        return basis.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException(Reason.REQUIRED, "必填，格式 YYYY-MM-DD / "
                    + "required, as YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(Reason.INVALID_DATE, "日期格式 YYYY-MM-DD / a "
                    + "date as YYYY-MM-DD");
        }
    }

    private static int number(String text, int min, int max) {
        try {
            int value = Integer.parseInt(text == null ? "" : text.strip());
            if (value < min || value > max) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new InvalidValueException(Reason.INVALID_FORMAT, "须为 " + min + "–" + max + " 的整数 / a whole "
                    + "number from " + min + " to " + max);
        }
    }
}
