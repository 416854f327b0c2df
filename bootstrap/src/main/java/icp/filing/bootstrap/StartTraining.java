package icp.filing.bootstrap;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code java -XX:ArchiveClassesAtExit=icp-filing.jsa -jar icp-filing.jar train-start [DIR]}: starts the system
 * once on a throwaway embedded database, answers one health check, and stops, so that the JDK records every class a
 * start loads in a class data sharing archive. The build does this after packaging the jar (bootstrap/pom.xml); a
 * start with {@code -XX:SharedArchiveFile=icp-filing.jsa} then maps those classes, parsed and verified, instead of
 * loading them from the jar — about half of a start's time on two cores. An archive that does not match the jar or
 * the JDK is ignored by the JVM, which then loads classes as usual.
 */
final class StartTraining {
    private StartTraining() {
    }

    /** Names a folder as this training's own, so that nothing else is ever wiped or removed by it. */
    private static final String MARKER = "icp-start-training.marker";

    /**
     * @param parent where the throwaway database lives meanwhile, in a folder {@code icp-start-training} of its own
     *               (the build gives target/, so that a build killed during the training leaves no server behind: the
     *               next training stops it, as any start stops the orphan of its own data directory); null for a new
     *               temporary directory. Only that folder is wiped and removed, and only if a training made it.
     * @return the process's exit status: 0 once the system started, answered and stopped
     */
    static int run(Path parent) throws IOException {
        Path root = (parent == null ? Files.createTempDirectory("icp-") : parent).resolve("icp-start-training");
        if (Files.exists(root) && !Files.exists(root.resolve(MARKER))) {
            System.err.println("start training: " + root + " exists and is not a training's folder; left alone");
            return 1;
        }
        Files.createDirectories(root);
        Files.writeString(root.resolve(MARKER), "a start training's throwaway database; removed when it ends\n");
        try {
            Map<String, Object> properties = Map.of(
                    "icp.embedded-db.data-dir", root.resolve("mariadb").toString(),
                    "icp.embedded-db.fresh", true,
                    "micronaut.server.port", -1,
                    "grpc.server.port", 0,
                    // the channels a production start checks, without sending anything anywhere
                    "icp.sms.log-sink", true,
                    "icp.mail.log-sink", true);
            try (ApplicationContext context = Micronaut.build(new String[0]).mainClass(IcpFilingApplication.class)
                    .properties(properties).start()) {
                URL health = new URL(context.getBean(EmbeddedServer.class).getURL(), "/health");
                HttpURLConnection connection = (HttpURLConnection) health.openConnection();
                int status = connection.getResponseCode();
                connection.disconnect();
                if (status != 200) {
                    System.err.println("start training: /health answered " + status);
                    return 1;
                }
            }
            return 0;
        } finally {
            deleteTree(root);
            if (parent == null) {
                Files.deleteIfExists(root.getParent());
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("start training: could not remove " + dir + ": " + e.getMessage());
        }
    }
}
