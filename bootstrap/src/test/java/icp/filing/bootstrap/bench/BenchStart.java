package icp.filing.bootstrap.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Start to ready: the built jar started as an operator starts it, in a JVM of its own, on the benchmark's database as
 * an external MariaDB (schema current), timed from the process's launch to its first answered health check — with
 * the start archive the build records (StartTraining) and without it, alternately.
 */
final class BenchStart {
    /** bootstrap/target, wherever the benchmark is started from: its classes are in target/test-classes. */
    private static final Path TARGET = target();
    private static final Path JAR = TARGET.resolve("icp-filing.jar");
    private static final Path ARCHIVE = TARGET.resolve("icp-filing.jsa");
    private static final Path LOG = TARGET.resolve("bench-start.log");
    private static final int STARTS = Integer.getInteger("bench.starts", 3);

    private BenchStart() {
    }

    /** Prints the median start with and without the archive; the database is idle meanwhile. */
    static void print(DataSource raw) throws Exception {
        if (!Files.isRegularFile(JAR)) {
            System.out.println("start to ready: not measured, no " + JAR);
            return;
        }
        HikariDataSource pool = (HikariDataSource) raw;
        List<Long> withArchive = new ArrayList<>();
        List<Long> without = new ArrayList<>();
        boolean archived = Files.isRegularFile(ARCHIVE);
        for (int i = 0; i < STARTS; i++) {
            if (archived) {
                withArchive.add(start(pool, true));
            }
            without.add(start(pool, false));
        }
        System.out.printf("start to ready on an external MariaDB (a JVM of its own, %d starts each): with the start "
                + "archive %s ms, without %s ms%n", STARTS, archived ? withArchive : "(none built)", without);
        System.out.printf(java.util.Locale.ROOT, "start ready_ms=%d without_archive_ms=%d%n",
                archived ? median(withArchive) : -1, median(without));
    }

    private static long start(HikariDataSource pool, boolean archive) throws Exception {
        int httpPort = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        if (archive) {
            command.add("-XX:SharedArchiveFile=" + ARCHIVE);
        }
        command.addAll(List.of("-jar", JAR.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(LOG.toFile());
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        builder.environment().putAll(Map.of(
                "DATASOURCES_DEFAULT_URL", pool.getJdbcUrl(), "DATASOURCES_DEFAULT_USERNAME", pool.getUsername(),
                "DATASOURCES_DEFAULT_PASSWORD", pool.getPassword(),
                "ICP_SMS_CODE_KEY", Base64.getEncoder().encodeToString(key),
                "MICRONAUT_SERVER_PORT", Integer.toString(httpPort),
                "GRPC_SERVER_PORT", Integer.toString(freePort()),
                "ICP_SMS_LOG_SINK", "true", "ICP_MAIL_LOG_SINK", "true",
                // the benchmark's own outbox is not this node's to deliver
                "ICP_OUTBOX_RELAY_ENABLED", "false"));
        builder.environment().remove("MICRONAUT_ENVIRONMENTS");
        long launched = System.nanoTime();
        Process process = builder.start();
        try {
            URL health = new URL("http://127.0.0.1:" + httpPort + "/health");
            while (!answers(health)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the node stopped while starting: see " + LOG);
                }
                if (System.nanoTime() - launched > TimeUnit.SECONDS.toNanos(60)) {
                    throw new IllegalStateException("not ready after 60 s: see " + LOG);
                }
                Thread.sleep(10);
            }
            return (System.nanoTime() - launched) / 1_000_000;
        } finally {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private static Path target() {
        try {
            return Path.of(BenchStart.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean answers(URL health) {
        try {
            HttpURLConnection connection = (HttpURLConnection) health.openConnection();
            connection.setConnectTimeout(200);
            connection.setReadTimeout(1000);
            int status = connection.getResponseCode();
            connection.disconnect();
            return status == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
