package icp.filing.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import icp.filing.adapters.persistence.SchemaMigration;
import icp.filing.adapters.persistence.SchemaMigration.Outcome;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A start that finds every migration of this build applied leaves Flyway unloaded; any other history — a fresh
 * database, a migration missing, one edited since it was applied — goes to Flyway, which migrates or refuses the
 * start as it always did.
 */
class SchemaMigrationTest {
    private static final Map<String, Object> PROPERTIES =
            Map.of("datasources.default.url", "jdbc:mariadb://embedded/icp_schema_start");

    @Test
    void aStartOnACurrentSchemaLeavesFlywayAloneAndAnyOtherHistoryGoesToIt() throws Exception {
        String url;
        String user;
        String password;
        try (ApplicationContext first = ApplicationContext.run(PROPERTIES, "test")) {
            assertEquals(Outcome.MIGRATED_BY_FLYWAY, outcome(first), "a fresh database is migrated by Flyway");
            var hikari = (com.zaxxer.hikari.HikariDataSource) DelegatingDataSource
                    .unwrapDataSource(first.getBean(DataSource.class));
            url = hikari.getJdbcUrl();
            user = hikari.getUsername();
            password = hikari.getPassword();
        }
        int migrations = count(url, user, password, "SELECT COUNT(*) FROM flyway_schema_history WHERE success");
        assertTrue(migrations >= 19, migrations + " migrations applied");

        try (ApplicationContext again = ApplicationContext.run(PROPERTIES, "test")) {
            assertEquals(Outcome.CURRENT, outcome(again), "every migration applied: Flyway's checksums recomputed");
        }

        // the newest migration's record gone, as on a database a build behind this one left: Flyway applies it
        String newest = newestVersion(url, user, password);
        execute(url, user, password, "DELETE FROM flyway_schema_history WHERE version = '" + newest + "'");
        try (ApplicationContext behind = ApplicationContext.run(PROPERTIES, "test")) {
            assertEquals(Outcome.MIGRATED_BY_FLYWAY, outcome(behind));
        }
        assertEquals(migrations, count(url, user, password,
                "SELECT COUNT(*) FROM flyway_schema_history WHERE success"), "the missing migration applied again");

        // a migration edited since it was applied: Flyway's validation refuses the start, as without this check
        execute(url, user, password,
                "UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '" + newest + "'");
        Throwable refused = RefusedStarts.refused(PROPERTIES);
        assertTrue(causes(refused).contains("checksum mismatch"), causes(refused));
        execute(url, user, password,
                "UPDATE flyway_schema_history SET checksum = checksum - 1 WHERE version = '" + newest + "'");

        // a failed migration on record: Flyway is asked, and refuses as it always did
        execute(url, user, password, "UPDATE flyway_schema_history SET success = 0 WHERE version = '" + newest + "'");
        Throwable failed = RefusedStarts.refused(PROPERTIES);
        assertTrue(causes(failed).contains("failed migration"), causes(failed));
        execute(url, user, password, "UPDATE flyway_schema_history SET success = 1 WHERE version = '" + newest + "'");

        try (ApplicationContext mended = ApplicationContext.run(PROPERTIES, "test")) {
            assertEquals(Outcome.CURRENT, outcome(mended));
        }
    }

    private static Outcome outcome(ApplicationContext context) {
        return context.getBean(SchemaMigration.class).outcome();
    }

    private static String causes(Throwable thrown) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append(" | ");
        }
        return messages.toString();
    }

    private static String newestVersion(String url, String user, String password) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery(
                     "SELECT version FROM flyway_schema_history ORDER BY installed_rank DESC LIMIT 1")) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static int count(String url, String user, String password, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static void execute(String url, String user, String password, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
