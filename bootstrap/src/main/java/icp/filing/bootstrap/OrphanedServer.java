package icp.filing.bootstrap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MariaDB server that outlived the JVM that started it ({@code kill -9}, a crash): it still holds the data
 * directory's files, so a new server on them would wait for its lock and fail. The caller holds the directory's
 * instance lock, so no living instance owns such a server; it is stopped the way MariaDB shuts down cleanly
 * (SIGTERM, which lets InnoDB flush), and killed only if it does not end in time.
 */
final class OrphanedServer {
    private static final Logger LOG = LoggerFactory.getLogger(OrphanedServer.class);
    private static final Duration CLEAN_SHUTDOWN = Duration.ofSeconds(60);

    private OrphanedServer() {
    }

    static void stopIfAny(Path dir, Path pidFile) throws IOException {
        Optional<ProcessHandle> orphan = serverOf(dir, pidFile);
        if (orphan.isEmpty()) {
            return;
        }
        ProcessHandle process = orphan.get();
        LOG.warn("A MariaDB server (pid {}) is still running on {}, left behind by an instance that did not stop "
                + "(killed or crashed); stopping it before starting a new one", process.pid(), dir);
        process.destroy();
        try {
            process.onExit().get(CLEAN_SHUTDOWN.toSeconds(), TimeUnit.SECONDS);
            LOG.warn("The left-behind MariaDB server (pid {}) shut down cleanly", process.pid());
        } catch (TimeoutException e) {
            process.destroyForcibly();
            LOG.warn("The left-behind MariaDB server (pid {}) did not shut down in {} s and was killed; InnoDB "
                    + "recovers on the next start", process.pid(), CLEAN_SHUTDOWN.toSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping a left-behind MariaDB server");
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not wait for the left-behind MariaDB server", e);
        }
        Files.deleteIfExists(pidFile);
    }

    /** The process named by the pid file, if it is alive and a MariaDB server of this very directory. */
    private static Optional<ProcessHandle> serverOf(Path dir, Path pidFile) throws IOException {
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        String content = Files.readString(pidFile).strip();
        if (!content.matches("\\d{1,10}")) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(content))
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().map(line -> isServerOf(line, dir)).orElse(false));
    }

    /** A recycled pid can belong to anything; only a mariadbd (or mysqld) pointing at our data counts. */
    static boolean isServerOf(String commandLine, Path dir) {
        return (commandLine.contains("mariadbd") || commandLine.contains("mysqld"))
                && commandLine.contains("--pid-file=" + EmbeddedMariaDb.pidFile(dir));
    }
}
