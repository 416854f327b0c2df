package icp.filing.bootstrap;

import icp.filing.domain.time.WorkingDayCalendar;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says at start which years have official working-day data and where from, and which coming years count Monday to
 * Friday only: an operator sees that next year's holidays are missing before a deadline depends on them, and loads
 * them as a file in {@code icp.working-days.directory} (README, Configuration).
 */
@Singleton
final class WorkingDaysReport {
    private static final Logger LOG = LoggerFactory.getLogger(WorkingDaysReport.class);
    /** Years before and after this one that the report looks at. */
    private static final int REPORTED_YEARS = 5;

    private final String directory;

    WorkingDaysReport(@Nullable @Value("${icp.working-days.directory}") String directory) {
        this.directory = directory;
    }

    @EventListener
    void report(StartupEvent event) {
        int thisYear = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        List<String> official = new ArrayList<>();
        List<Integer> missing = new ArrayList<>();
        for (int year = thisYear - REPORTED_YEARS; year <= thisYear + REPORTED_YEARS; year++) {
            if (WorkingDaysFactory.fromDirectory(directory, year).isPresent()) {
                official.add(year + " (" + Path.of(directory).resolve(year + ".tsv") + ")");
            } else if (WorkingDayCalendar.shipped(year).isPresent()) {
                official.add(year + " (shipped)");
            } else if (year >= thisYear) {
                missing.add(year);
            }
        }
        LOG.info("working days: official data for {}; without data, counted Monday to Friday (deadlines marked "
                + "provisional): {}", official.isEmpty() ? "no year" : String.join(", ", official), missing);
    }
}
