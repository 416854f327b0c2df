package icp.filing.bootstrap;

import icp.filing.application.port.Applications;
import icp.filing.application.port.Outbox;
import icp.filing.application.port.OutboxMessage;
import icp.filing.application.port.PageRequest;
import icp.filing.domain.application.ApplicationState;
import icp.filing.domain.common.Province;
import io.grpc.ServerInterceptor;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.grpc.MetricCollectingServerInterceptor;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * What operators watch, besides what Micronaut measures itself (HTTP routes as {@code http.server.requests}, the
 * connection pool as {@code hikaricp.*}, the JVM): every gRPC method ({@code grpc.server.processing.duration}, by
 * service, method and status code), the outbox backlog and the age of its oldest entry per channel
 * ({@code icp.outbox.pending}, {@code icp.outbox.failed}, {@code icp.outbox.oldest.age}), and the review queue per
 * province ({@code icp.review.queue}). The gauges read the database at most every 15 seconds, whatever the scrape rate.
 */
@Singleton
final class OperatorMetrics {
    private static final Duration REFRESH = Duration.ofSeconds(15);

    /** Every gRPC call timed and counted by Micrometer's own interceptor. */
    @Factory
    static final class GrpcMetrics {
        @Singleton
        ServerInterceptor grpcMetrics(MeterRegistry registry) {
            return new MetricCollectingServerInterceptor(registry);
        }
    }

    /** The database-backed gauges, registered at start. */
    static final class Gauges {
        private final Outbox outbox;
        private final Applications applications;
        private final Clock clock;
        private final MeterRegistry registry;
        private Instant readAt = Instant.EPOCH;
        private Map<OutboxMessage.Channel, Outbox.Counts> counts = new EnumMap<>(OutboxMessage.Channel.class);
        private final Map<Province, Long> queues = new EnumMap<>(Province.class);

        private Gauges(MeterRegistry registry, Outbox outbox, Applications applications, Clock clock) {
            this.registry = registry;
            this.outbox = outbox;
            this.applications = applications;
            this.clock = clock;
        }

        void register() {
            for (OutboxMessage.Channel channel : OutboxMessage.Channel.values()) {
                String tag = channel.name().toLowerCase();
                Gauge.builder("icp.outbox.pending", this, g -> g.counts(channel).pending())
                        .description("outbox entries waiting to be delivered").tag("channel", tag).register(registry);
                Gauge.builder("icp.outbox.failed", this, g -> g.counts(channel).failed())
                        .description("outbox entries that failed for good (administrators may retry them)")
                        .tag("channel", tag).register(registry);
                Gauge.builder("icp.outbox.oldest.age", this, g -> g.counts(channel).oldestPending()
                                .map(at -> (double) Duration.between(at, clock.instant()).toSeconds()).orElse(0.0))
                        .description("age of the oldest waiting entry").baseUnit("seconds").tag("channel", tag)
                        .register(registry);
            }
            for (Province province : Province.values()) {
                Gauge.builder("icp.review.queue", this, g -> g.queue(province))
                        .description("applications in review").tag("province", province.code()).register(registry);
            }
        }

        private synchronized Outbox.Counts counts(OutboxMessage.Channel channel) {
            refresh();
            return counts.getOrDefault(channel, new Outbox.Counts(0, 0, 0, java.util.Optional.empty()));
        }

        private synchronized double queue(Province province) {
            refresh();
            return queues.getOrDefault(province, 0L);
        }

        private void refresh() {
            Instant now = clock.instant();
            if (Duration.between(readAt, now).compareTo(REFRESH) < 0) {
                return;
            }
            readAt = now;
            counts = outbox.backlog();
            for (Province province : Province.values()) {
                queues.put(province, applications.listByProvince(province, ApplicationState.IN_REVIEW,
                        PageRequest.of(0, 1)).total());
            }
        }
    }

    private final Gauges gauges;

    OperatorMetrics(MeterRegistry registry, Outbox outbox, Applications applications, Clock clock) {
        this.gauges = new Gauges(registry, outbox, applications, clock);
    }

    @EventListener
    void register(StartupEvent event) {
        gauges.register();
    }
}
