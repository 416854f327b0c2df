package icp.filing.bootstrap;

import icp.filing.domain.time.WorkingDayCalendar;
import icp.filing.domain.time.YearCalendar;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The working-day calendar: a year's official data from {@code icp.working-days.directory}/&lt;year&gt;.tsv when an
 * operator put one there (a year published after the release, or a correction), else as shipped. A year without data
 * is logged once: its deadlines count Monday to Friday only.
 */
@Factory
final class WorkingDaysFactory {
    private static final Logger LOG = LoggerFactory.getLogger(WorkingDaysFactory.class);
    @Singleton
    WorkingDayCalendar workingDayCalendar(@Nullable @Value("${icp.working-days.directory}") String directory) {
        return new WorkingDayCalendar(year -> {
            Optional<YearCalendar> found = fromDirectory(directory, year).or(() -> WorkingDayCalendar.shipped(year));
            if (found.isEmpty()) {
                LOG.warn("no official working-day data for {}: its deadlines count Monday to Friday only; add "
                        + "{}.tsv to icp.working-days.directory", year, year);
            }
            return found;
        });
    }

    static Optional<YearCalendar> fromDirectory(String directory, int year) {
        if (directory == null || directory.isBlank()) {
            return Optional.empty();
        }
        Path file = Path.of(directory).resolve(year + ".tsv");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(YearCalendar.parse(year, Files.readAllLines(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
