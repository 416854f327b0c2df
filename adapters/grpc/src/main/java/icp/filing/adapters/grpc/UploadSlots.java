package icp.filing.adapters.grpc;

import icp.filing.domain.application.ProviderId;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * What uploads may hold at once: at most {@code max-concurrent-uploads} streams in all and
 * {@code max-concurrent-uploads-per-provider} per provider (more answer RESOURCE_EXHAUSTED), an owner-only spool
 * folder for their bytes, and a timer that ends a stream idle for longer than {@code upload-idle-timeout}.
 */
@Singleton
final class UploadSlots {
    private final Semaphore total;
    private final int perProvider;
    private final Duration idleTimeout;
    private final Map<ProviderId, Semaphore> providers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "upload-idle-timer");
        thread.setDaemon(true);
        return thread;
    });
    private final Path spool;

    UploadSlots(@Value("${icp.materials.max-concurrent-uploads:16}") int maxTotal,
                @Value("${icp.materials.max-concurrent-uploads-per-provider:4}") int perProvider,
                @Value("${icp.materials.upload-idle-timeout:30s}") Duration idleTimeout) {
        this.total = new Semaphore(maxTotal);
        this.perProvider = perProvider;
        this.idleTimeout = idleTimeout;
        try {
            this.spool = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                    ? Files.createTempDirectory("icp-uploads-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
                    : Files.createTempDirectory("icp-uploads-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the upload spool folder", e);
        }
    }

    /** A slot for one stream of the provider, or false when the provider or the server has none free. */
    boolean tryAcquire(ProviderId provider) {
        Semaphore own = providers.computeIfAbsent(provider, p -> new Semaphore(perProvider));
        if (!own.tryAcquire()) {
            return false;
        }
        if (!total.tryAcquire()) {
            own.release();
            return false;
        }
        return true;
    }

    void release(ProviderId provider) {
        total.release();
        providers.get(provider).release();
    }

    Path spool() {
        return spool;
    }

    Duration idleTimeout() {
        return idleTimeout;
    }

    ScheduledFuture<?> every(Duration period, Runnable check) {
        return timer.scheduleAtFixedRate(check, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void close() {
        timer.shutdownNow();
        try (var files = Files.list(spool)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(spool);
        } catch (IOException e) {
            // a spool folder left in the temp folder holds no data of value; the next start makes its own
        }
    }
}
