package icp.filing.domain.time;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One year's official calendar: the days off (放假) that would be working days and the weekend days that are
 * working days (调休上班), each with its name. Read from a data file with lines {@code off|work <date>[..<date>] name}.
 */
public record YearCalendar(int year, Map<LocalDate, String> daysOff, Map<LocalDate, String> makeUpDays) {
    public YearCalendar {
        daysOff = Map.copyOf(daysOff);
        makeUpDays = Map.copyOf(makeUpDays);
    }

    /**
     * Reads a year's data file.
     *
     * @throws IllegalArgumentException naming the line when the file is not in the form, or names another year
     */
    public static YearCalendar parse(int year, List<String> lines) {
        Map<LocalDate, String> off = new TreeMap<>();
        Map<LocalDate, String> work = new TreeMap<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+", 3);
            try {
                String[] range = parts[1].split("\\.\\.");
                LocalDate from = LocalDate.parse(range[0]);
                LocalDate to = range.length > 1 ? LocalDate.parse(range[1]) : from;
                String name = parts.length > 2 ? parts[2] : "";
                Map<LocalDate, String> target = switch (parts[0]) {
                    case "off" -> off;
                    case "work" -> work;
                    default -> throw new IllegalArgumentException("'off' or 'work' expected");
                };
                if (from.getYear() != year || to.getYear() != year || to.isBefore(from)) {
                    throw new IllegalArgumentException("dates outside " + year + " or reversed");
                }
                for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                    target.put(d, name);
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("working days of " + year + ", line " + (n + 1) + ": " + line
                        + " (" + e.getMessage() + ")", e);
            }
        }
        return new YearCalendar(year, off, work);
    }

    /** Monday to Friday, except the days off, plus the make-up days. */
    public boolean isWorkingDay(LocalDate day) {
        if (makeUpDays.containsKey(day)) {
            return true;
        }
        return !daysOff.containsKey(day) && day.getDayOfWeek().getValue() <= 5;
    }

    /** The holiday a day off belongs to, or the holiday a make-up day is for. */
    public Optional<String> nameOf(LocalDate day) {
        return Optional.ofNullable(daysOff.getOrDefault(day, makeUpDays.get(day)));
    }
}
