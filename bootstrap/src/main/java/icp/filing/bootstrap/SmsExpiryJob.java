package icp.filing.bootstrap;

import icp.filing.application.usecase.ExpireSmsVerifications;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Once a minute, applications whose principals did not confirm within 24 hours go back to their providers. */
@Singleton
@Requires(property = "icp.sms.expiry-job.enabled", notEquals = "false")
final class SmsExpiryJob {
    private static final Logger LOG = LoggerFactory.getLogger(SmsExpiryJob.class);
    private final ExpireSmsVerifications expire;

    SmsExpiryJob(ExpireSmsVerifications expire) {
        this.expire = expire;
    }

    @Scheduled(fixedDelay = "${icp.sms.expiry-job.interval:1m}", initialDelay = "1m")
    void run() {
        int returned = expire.run();
        if (returned > 0) {
            LOG.info("{} application(s) returned: SMS verification not completed within 24 hours", returned);
        }
    }
}
