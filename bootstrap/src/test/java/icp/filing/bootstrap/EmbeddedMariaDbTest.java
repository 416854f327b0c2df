package icp.filing.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The embedded database as an operator meets it: a data directory under the temp folder that must survive restarts,
 * a server nobody else on the machine can read, and a start after kill -9 that recovers on its own.
 */
class EmbeddedMariaDbTest {

    /** The buffer pool size goes onto the server's command line: only a size is taken. */
    @Test
    void aBufferPoolSizeThatIsNotASizeIsRefusedBeforeAnythingStarts() {
        Path dir = Path.of("target/mariadb-never-started");
        for (String bad : new String[] {"", "0", "1T", "4G --skip-grant-tables", "-1G", "1234567G"}) {
            assertTrue(org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> EmbeddedMariaDb.start(dir, "icp_filing", false, bad)).getMessage()
                    .contains("buffer-pool-size"), bad);
        }
        assertFalse(Files.exists(dir), "nothing was created");
    }

    @Test
    void keepsDataUnderTheTempFolderAcrossRestartsAndLetsNobodyInWithoutThePassword() throws Exception {
        Path dir = Files.createTempDirectory("icp-embedded-").resolve("mariadb");
        assertTrue(dir.toString().startsWith(System.getProperty("java.io.tmpdir")), "the case that used to wipe data");
        EmbeddedMariaDb.Server first = EmbeddedMariaDb.start(dir, "icp_filing", false);
        try {
            execute(first, "CREATE TABLE kept (v VARCHAR(20))", "INSERT INTO kept VALUES ('filed')");

            assertThrows(SQLException.class, () -> DriverManager.getConnection(first.url(), "root", "").close());
            assertThrows(SQLException.class, () -> DriverManager.getConnection(first.url(), "icp", "").close());
            assertThrows(SQLException.class, () -> DriverManager.getConnection(first.url(), "icp", "guess").close());
            assertThrows(SQLException.class, () -> DriverManager.getConnection(first.url(), "", "").close());
            assertEquals("rwx------", permissions(dir));
            assertEquals("rw-------", permissions(dir.resolve(EmbeddedCredentials.FILE)));
            assertEquals("rwx------", permissions(dir.resolve("run")));
            assertTrue(Files.exists(dir.resolve("run/mariadb.sock")), "socket inside the data directory");
            assertFalse(Files.exists(dir.resolve("init.sql")), "the init file is gone once the server is up");
            assertTrue(Files.readString(dir.resolve(EmbeddedCredentials.FILE)).contains(first.password()));
        } finally {
            EmbeddedMariaDb.stop(dir);
        }

        EmbeddedMariaDb.Server second = EmbeddedMariaDb.start(dir, "icp_filing", false);
        try {
            assertEquals(first.password(), second.password(), "the generated password is kept");
            assertEquals(List.of("filed"), values(second, "SELECT v FROM kept"));
        } finally {
            EmbeddedMariaDb.stop(dir);
            deleteRecursively(dir.getParent());
        }
    }

    @Test
    void startsAfterTheOwningJvmWasKilledAndSaysWhatItDid() throws Exception {
        Path dir = Files.createTempDirectory("icp-embedded-killed-").resolve("mariadb");
        // the child logs to its console only: the suite's log file is this JVM's
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dlogback.configurationFile=logback.xml", "-cp", System.getProperty("java.class.path"),
                EmbeddedMariaDbChild.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        long serverPid;
        try {
            serverPid = awaitReady(child);
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook runs
            child.waitFor(30, TimeUnit.SECONDS);
        }
        assertTrue(ProcessHandle.of(serverPid).map(ProcessHandle::isAlive).orElse(false),
                "the killed JVM's MariaDB server is still running, as after a real kill -9");

        long started = System.nanoTime();
        EmbeddedMariaDb.Server server = EmbeddedMariaDb.start(dir, "icp_filing", false);
        try {
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
            assertTrue(seconds < 30, "recovered in " + seconds + " s, not after the lock wait");
            assertFalse(ProcessHandle.of(serverPid).map(ProcessHandle::isAlive).orElse(false),
                    "the left-behind server was stopped");
            assertEquals(List.of("before-kill"), values(server, "SELECT v FROM survivor"));
        } finally {
            EmbeddedMariaDb.stop(dir);
            deleteRecursively(dir.getParent());
        }
    }

    @Test
    void recognisesOnlyAServerOfItsOwnDirectory() {
        Path dir = Path.of("/srv/icp/data/mariadb");
        assertTrue(OrphanedServer.isServerOf("/x/base/bin/mariadbd --no-defaults --pid-file=" + dir
                + "/mariadbd.pid --port=3306", dir));
        assertFalse(OrphanedServer.isServerOf("/x/base/bin/mariadbd --pid-file=/srv/other/mariadbd.pid", dir));
        assertFalse(OrphanedServer.isServerOf("/usr/bin/vim " + dir + "/mariadbd.pid", dir));
    }

    private static long awaitReady(Process child) throws Exception {
        List<String> seen = new ArrayList<>();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("READY ")) {
                return Long.parseLong(line.substring(6).strip());
            }
            seen.add(line);
        }
        throw new AssertionError("child did not start its server: " + String.join("\n", seen));
    }

    private static void deleteRecursively(Path dir) throws java.io.IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static void execute(EmbeddedMariaDb.Server server, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(server.url(), server.username(), server.password());
             Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static List<String> values(EmbeddedMariaDb.Server server, String query) throws SQLException {
        try (Connection c = DriverManager.getConnection(server.url(), server.username(), server.password());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }
}
