package icp.filing.bootstrap;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/**
 * The one source of time; tests may replace it. It ticks in microseconds because MariaDB stores DATETIME(6):
 * a time handed out must read back the same after a round trip through the database.
 */
@Factory
final class ClockFactory {
    @Singleton
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
