package icp.filing.domain.time;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

/**
 * 工作日: Monday to Friday, minus the statutory holidays, plus the make-up working weekends (调休), as published yearly
 * by the State Council. The years come from data ({@link YearCalendar}); a year without data falls back to Monday to
 * Friday, and every answer says which calendar it used.
 */
public final class WorkingDayCalendar {
    /** Which calendar an answer rests on: every year it touched has official data, or some year had none. */
    public enum Basis { OFFICIAL, WEEKDAYS_ONLY }

    /** A deadline: the N-th working day after the day accepted. */
    public record Deadline(LocalDate accepted, int workingDays, LocalDate date, Basis basis) {
    }

    /** A signed count of working days, with the calendar it rests on. */
    public record Count(int workingDays, Basis basis) {
    }

    /** Deadlines further than this are refused: no review period runs for years. */
    public static final int MAX_WORKING_DAYS = 1000;

    private final IntFunction<Optional<YearCalendar>> years;
    private final Map<Integer, Optional<YearCalendar>> loaded = new ConcurrentHashMap<>();

    /** @param years the official data of a year, if there is any; asked once per year */
    public WorkingDayCalendar(IntFunction<Optional<YearCalendar>> years) {
        this.years = years;
    }

    public Optional<YearCalendar> year(int year) {
        return loaded.computeIfAbsent(year, years::apply);
    }

    public boolean isWorkingDay(LocalDate day) {
        return year(day.getYear()).map(y -> y.isWorkingDay(day))
                .orElse(day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY);
    }

    /**
     * The {@code workingDays}-th working day after {@code accepted} (the day of acceptance does not count): the
     * 20-working-day review limit counts from the day after the application enters the bureau's queue.
     */
    public Deadline deadline(LocalDate accepted, int workingDays) {
        if (workingDays < 0 || workingDays > MAX_WORKING_DAYS) {
            throw new IllegalArgumentException("working days between 0 and " + MAX_WORKING_DAYS);
        }
        LocalDate day = accepted;
        for (int counted = 0; counted < workingDays; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return new Deadline(accepted, workingDays, day, basis(accepted, day));
    }

    /**
     * Working days from {@code today} to {@code deadline}: the working days after today up to the deadline, or, once
     * the deadline has passed, minus the working days after it up to today (0 on the deadline itself).
     */
    public Count workingDaysLeft(LocalDate today, LocalDate deadline) {
        boolean overdue = today.isAfter(deadline);
        LocalDate from = overdue ? deadline : today;
        LocalDate to = overdue ? today : deadline;
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return new Count(overdue ? -count : count, basis(from, to));
    }

    /**
     * The latest day of acceptance whose deadline of {@code workingDays} lies before {@code today}: applications
     * accepted on it or earlier are overdue. Deadlines never go back as acceptance moves forward, so this is a cut.
     */
    public LocalDate lastAcceptedDayOverdue(LocalDate today, int workingDays) {
        LocalDate accepted = today.minusDays(1);
        while (!deadline(accepted, workingDays).date().isBefore(today)) {
            accepted = accepted.minusDays(1);
        }
        return accepted;
    }

    private Basis basis(LocalDate from, LocalDate to) {
        for (int y = from.getYear(); y <= to.getYear(); y++) {
            if (year(y).isEmpty()) {
                return Basis.WEEKDAYS_ONLY;
            }
        }
        return Basis.OFFICIAL;
    }

    /** The years shipped with the system (data files under working-days/ on the classpath). */
    public static Optional<YearCalendar> shipped(int year) {
        String path = "/icp/filing/domain/working-days/" + year + ".tsv";
        try (InputStream in = WorkingDayCalendar.class.getResourceAsStream(path)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(YearCalendar.parse(year, new BufferedReader(new InputStreamReader(in,
                    StandardCharsets.UTF_8)).lines().toList()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A calendar of the years given, for tests and tools. */
    public static WorkingDayCalendar of(List<YearCalendar> years) {
        Map<Integer, YearCalendar> byYear = new ConcurrentHashMap<>();
        years.forEach(y -> byYear.put(y.year(), y));
        return new WorkingDayCalendar(y -> Optional.ofNullable(byYear.get(y)));
    }
}
