package icp.filing.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import icp.filing.application.port.Transactions;
import io.micronaut.context.annotation.Property;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A pool configured without autocommit ({@code datasources.*.auto-commit: false}): the commit sent with the held
 * writes leaves the connection as the pool hands it out (one connection, so that each look is at the same one), and
 * the next transaction on it is still one.
 */
@MicronautTest(transactional = false)
@Property(name = "datasources.default.url", value = "jdbc:mariadb://embedded/icp_held_no_autocommit")
@Property(name = "datasources.default.auto-commit", value = "false")
@Property(name = "datasources.default.maximum-pool-size", value = "1")
class HeldWritesWithoutAutocommitTest {
    @Inject
    JdbcOperations jdbc;
    @Inject
    Transactions transactions;
    @Inject
    TransactionOperations<Connection> operations;
    @Inject
    javax.sql.DataSource dataSource;

    @Test
    void aTransactionAfterOneCommittedWithItsWritesIsStillWhole() throws Exception {
        var pool = (com.zaxxer.hikari.HikariDataSource) io.micronaut.data.connection.jdbc.advice.DelegatingDataSource
                .unwrapDataSource(dataSource);
        org.junit.jupiter.api.Assertions.assertFalse(pool.isAutoCommit(), "the pool as configured");
        try (Connection c = pool.getConnection()) {
            org.junit.jupiter.api.Assertions.assertFalse(c.unwrap(Connection.class).getAutoCommit(),
                    "its connections as handed out");
        }
        transactions.inTransaction(() -> {
            Sql.execute(jdbc, "CREATE TABLE IF NOT EXISTS held (k VARCHAR(20) PRIMARY KEY, v INT)");
            Sql.execute(jdbc, "DELETE FROM held");
            return null;
        });
        for (int round = 0; round < 3; round++) {
            String key = "kept" + round;
            transactions.inTransaction(() -> {
                HeldWrites.hold(jdbc, new Script().add("INSERT INTO held (k, v) VALUES (?, ?)", key, 1));
                return null;
            });
            try (Connection c = pool.getConnection()) {
                org.junit.jupiter.api.Assertions.assertFalse(c.unwrap(Connection.class).getAutoCommit(),
                        "handed out again as the pool promises");
            }
            // the next transaction on it fails and must leave nothing
            String lost = "lost" + round;
            assertThrows(IllegalStateException.class, () -> transactions.inTransaction(() -> {
                Sql.execute(jdbc, "INSERT INTO held (k, v) VALUES (?, ?)", lost, 2);
                throw new IllegalStateException("the work fails after its insert was sent");
            }));
        }
        assertEquals(List.of("kept0", "kept1", "kept2"), operations.executeRead(status ->
                Sql.query(jdbc, "SELECT k FROM held ORDER BY k", rs -> rs.getString(1))));
    }
}
