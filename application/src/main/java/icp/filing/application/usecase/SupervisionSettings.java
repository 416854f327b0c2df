package icp.filing.application.usecase;

import java.time.Duration;

/**
 * @param shellNotice      how long a service may stay a shell (空壳, nobody hosts it) before the clean-up cancels it
 * @param objectionPeriod  how long after a return or revocation the subject may object (陈述申辩)
 */
public record SupervisionSettings(Duration shellNotice, Duration objectionPeriod) {
}
