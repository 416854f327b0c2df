package icp.filing.application.usecase;

import java.time.Duration;

/** How long a service may stay a shell (空壳, nobody hosts it) before the bureau's clean-up cancels it. */
public record SupervisionSettings(Duration shellNotice) {
}
