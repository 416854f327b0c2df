package icp.filing.domain.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import icp.filing.domain.time.WorkingDayCalendar.Basis;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The 20-working-day limit by the official calendars shipped for 2025 and 2026, counted by hand. */
class WorkingDayCalendarTest {
    private final WorkingDayCalendar calendar = new WorkingDayCalendar(WorkingDayCalendar::shipped);

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void holidaysAreOffAndMakeUpWeekendsAreWorkingDays() {
        assertFalse(calendar.isWorkingDay(day("2026-02-16")), "春节 Monday");
        assertTrue(calendar.isWorkingDay(day("2026-02-14")), "Saturday made up for 春节");
        assertTrue(calendar.isWorkingDay(day("2026-01-04")), "Sunday made up for 元旦");
        assertFalse(calendar.isWorkingDay(day("2025-10-08")), "国庆 and 中秋 in 2025");
        assertTrue(calendar.isWorkingDay(day("2025-10-11")));
        assertFalse(calendar.isWorkingDay(day("2026-03-07")), "an ordinary Saturday");
    }

    @Test
    void twentyWorkingDaysAcrossTheSpringFestival() {
        WorkingDayCalendar.Deadline deadline = calendar.deadline(day("2026-02-10"), 20);
        assertEquals(day("2026-03-16"), deadline.date());
        assertEquals(Basis.OFFICIAL, deadline.basis());
    }

    @Test
    void twentyWorkingDaysAcrossNationalDay() {
        assertEquals(day("2026-10-22"), calendar.deadline(day("2026-09-18"), 20).date());
    }

    @Test
    void theDayOfAcceptanceDoesNotCountAndAYearTurnsOver() {
        assertEquals(day("2026-01-04"), calendar.deadline(day("2025-12-31"), 1).date());
        assertEquals(day("2026-02-10"), calendar.deadline(day("2026-02-10"), 0).date());
    }

    @Test
    void aYearWithoutDataFallsBackToWeekdaysAndSaysSo() {
        WorkingDayCalendar.Deadline deadline = calendar.deadline(day("2027-01-04"), 5);
        assertEquals(day("2027-01-11"), deadline.date());
        assertEquals(Basis.WEEKDAYS_ONLY, deadline.basis());
        assertEquals(Basis.WEEKDAYS_ONLY, calendar.deadline(day("2026-12-28"), 10).basis(), "it reaches into 2027");
    }

    @Test
    void workingDaysLeftCountDownToZeroAndBelow() {
        LocalDate deadline = day("2026-03-16");
        assertEquals(20, calendar.workingDaysLeft(day("2026-02-10"), deadline).workingDays());
        assertEquals(16, calendar.workingDaysLeft(day("2026-02-14"), deadline).workingDays());
        assertEquals(0, calendar.workingDaysLeft(deadline, deadline).workingDays());
        assertEquals(-1, calendar.workingDaysLeft(day("2026-03-17"), deadline).workingDays());
        assertEquals(0, calendar.workingDaysLeft(day("2026-03-15"), day("2026-03-13")).workingDays(),
                "the weekend after a Friday deadline: no working day lost yet, but the date is past (overdue)");
    }

    @Test
    void theOverdueCutIsTheLastAcceptanceWhoseDeadlineHasPassed() {
        LocalDate cut = calendar.lastAcceptedDayOverdue(day("2026-03-17"), 20);
        assertTrue(calendar.deadline(cut, 20).date().isBefore(day("2026-03-17")));
        assertFalse(calendar.deadline(cut.plusDays(1), 20).date().isBefore(day("2026-03-17")));
    }

    @Test
    void aBrokenDataFileNamesItsLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> YearCalendar.parse(2027,
                List.of("# header", "off\t2027-01-01", "holiday\t2027-02-01")));
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> YearCalendar.parse(2027, List.of("off\t2026-01-01")));
        assertThrows(IllegalArgumentException.class, () -> calendar.deadline(day("2026-01-01"), 100_000));
    }
}
