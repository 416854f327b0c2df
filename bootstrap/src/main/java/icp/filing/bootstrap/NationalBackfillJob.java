package icp.filing.bootstrap;

import icp.filing.application.usecase.NationalBackfill;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** At start, queues the upload of every filing the national register was never told of (an upgrade, a move-in). */
@Singleton
final class NationalBackfillJob {
    private static final Logger LOG = LoggerFactory.getLogger(NationalBackfillJob.class);
    private final NationalBackfill backfill;

    NationalBackfillJob(NationalBackfill backfill) {
        this.backfill = backfill;
    }

    @EventListener
    void start(StartupEvent event) {
        Thread thread = new Thread(() -> {
            try {
                int queued = backfill.run();
                if (queued > 0) {
                    LOG.info("{} filing(s) queued for upload to the national register", queued);
                }
            } catch (RuntimeException e) {
                LOG.warn("national backfill failed, the next start tries again: {}", e.toString());
            }
        }, "national-backfill");
        thread.setDaemon(true);
        thread.start();
    }
}
