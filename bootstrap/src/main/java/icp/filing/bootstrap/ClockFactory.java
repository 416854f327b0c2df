package icp.filing.bootstrap;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The one source of time; tests may replace it. */
@Factory
final class ClockFactory {
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
