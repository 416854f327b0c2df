package icp.filing.bootstrap;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/** A separate JVM for EmbeddedMariaDbTest to kill -9: starts the server, writes a row, says READY, waits. */
public final class EmbeddedMariaDbChild {
    private EmbeddedMariaDbChild() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        EmbeddedMariaDb.Server server = EmbeddedMariaDb.start(dir, "icp_filing", false);
        try (Connection c = DriverManager.getConnection(server.url(), server.username(), server.password());
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS survivor (v VARCHAR(20))");
            s.execute("INSERT INTO survivor VALUES ('before-kill')");
        }
        System.out.println("READY " + Files.readString(EmbeddedMariaDb.pidFile(dir)).strip());
        System.out.flush();
        Thread.sleep(600_000);
    }
}
