package icp.filing.bootstrap;

import icp.filing.application.usecase.ProviderResults;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every hour, the providers' result events older than {@code icp.results.retention} (30 days) are dropped. */
@Singleton
@Requires(property = "icp.results.retention-job.enabled", notEquals = "false")
final class ResultRetentionJob {
    private static final Logger LOG = LoggerFactory.getLogger(ResultRetentionJob.class);
    private final ProviderResults results;
    private final Clock clock;
    private final Duration retention;

    ResultRetentionJob(ProviderResults results, Clock clock,
                       @Value("${icp.results.retention:30d}") Duration retention) {
        this.results = results;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "5m")
    void run() {
        int dropped = results.purge(clock.instant(), retention);
        if (dropped > 0) {
            LOG.info("{} provider result event(s) older than {} dropped", dropped, retention);
        }
    }
}
