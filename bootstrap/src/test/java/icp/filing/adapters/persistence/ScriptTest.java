package icp.filing.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import icp.filing.domain.error.AlreadyExistsException;
import icp.filing.domain.error.Reason;
import io.micronaut.context.annotation.Property;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A transaction's writes, one plain statement each, on the pool's own connections: the counts come back in order,
 * values stay values, a duplicate is refused as the statement it came from says, a version check stops what follows,
 * a script never runs half outside a transaction — and the pool refuses several statements in one string, so that no
 * future concatenation can stack a statement.
 */
@MicronautTest(transactional = false)
@Property(name = "datasources.default.url", value = "jdbc:mariadb://embedded/icp_script")
class ScriptTest {
    @Inject
    JdbcOperations jdbc;
    @Inject
    TransactionOperations<Connection> transactions;
    @Inject
    io.micronaut.data.connection.ConnectionOperations<Connection> connections;

    @BeforeEach
    void tables() {
        transactions.executeWrite(status -> {
            Sql.execute(jdbc, "CREATE TABLE IF NOT EXISTS script_domain (domain VARCHAR(100) PRIMARY KEY, note TEXT)");
            Sql.execute(jdbc, "CREATE TABLE IF NOT EXISTS script_app (kind VARCHAR(10), app_key VARCHAR(100), "
                    + "UNIQUE KEY uk_script_app (kind, app_key))");
            Sql.execute(jdbc, "DELETE FROM script_domain");
            Sql.execute(jdbc, "DELETE FROM script_app");
            return null;
        });
    }

    @Test
    void statementsOfAScriptAnswerTheirCountsInOrderAndValuesStayValues() {
        String hostile = "x'); DROP TABLE script_app; -- ? ;";
        int[] counts = transactions.executeWrite(status -> new Script()
                .insert("INSERT INTO script_domain (domain, note)", List.of(new Object[] {"a.cn", hostile},
                        new Object[] {"b.cn", "?"}))
                .add("UPDATE script_domain SET note = CONCAT(note, ?) WHERE domain = ?", "!", "b.cn")
                .add("UPDATE script_domain SET note = ? WHERE domain = ?", "none", "c.cn")
                .add("INSERT INTO script_app (kind, app_key) VALUES (?, ?)", "APP", "com.example.a")
                .run(jdbc));
        assertArrayEquals(new int[] {2, 1, 0, 1}, counts);
        assertEquals(List.of(hostile, "?!"), strings("SELECT note FROM script_domain ORDER BY domain"));
        assertEquals(List.of("1"), strings("SELECT COUNT(*) FROM script_app"));
    }

    /** One index, many rows: the refusal is the one for the entry the server names, and nothing of the script stays. */
    @Test
    void aDuplicateIsRefusedAsItsOwnRowSaysAndTheTransactionKeepsNothing() {
        transactions.executeWrite(status -> new Script()
                .add("INSERT INTO script_domain (domain) VALUES (?)", "www.b.cn")
                .add("INSERT INTO script_app (kind, app_key) VALUES (?, ?)", "APP", "com.example.b").run(jdbc));
        AlreadyExistsException aTaken = new AlreadyExistsException(Reason.DOMAIN_ALREADY_FILED, "a.cn");
        AlreadyExistsException bTaken = new AlreadyExistsException(Reason.DOMAIN_ALREADY_FILED, "b.cn");
        AlreadyExistsException wwwTaken = new AlreadyExistsException(Reason.DOMAIN_ALREADY_FILED, "www.b.cn");
        AlreadyExistsException appTaken = new AlreadyExistsException(Reason.APP_ALREADY_FILED, "com.example.b");
        RuntimeException refused = assertThrows(RuntimeException.class, () -> transactions.executeWrite(status ->
                new Script().insert("INSERT INTO script_domain (domain)", List.of(new Object[] {"a.cn"},
                                new Object[] {"b.cn"}, new Object[] {"www.b.cn"}))
                        .refuse("PRIMARY", "'a.cn'", aTaken).refuse("PRIMARY", "'b.cn'", bTaken)
                        .refuse("PRIMARY", "'www.b.cn'", wwwTaken).run(jdbc)));
        assertSame(wwwTaken, refused, "the row refused, not the first one that names the index");
        assertEquals(List.of("www.b.cn"), strings("SELECT domain FROM script_domain"),
                "a.cn and b.cn, inserted before the refusal, rolled back with it");

        // a key of several columns: the server joins the parts with '-'
        RuntimeException app = assertThrows(RuntimeException.class, () -> transactions.executeWrite(status ->
                new Script().add("INSERT INTO script_app (kind, app_key) VALUES (?, ?)", "APP", "com.example.b")
                        .refuse("uk_script_app", "-com.example.a'", aTaken)
                        .refuse("uk_script_app", "-com.example.b'", appTaken).run(jdbc)));
        assertSame(appTaken, app);

        // a refusal for any entry of its index answers only when none naming the entry does, wherever it stands
        RuntimeException any = assertThrows(RuntimeException.class, () -> transactions.executeWrite(status ->
                new Script().add("INSERT INTO script_app (kind, app_key) VALUES (?, ?)", "APP", "com.example.b")
                        .refuse("uk_script_app", aTaken)
                        .refuse("uk_script_app", "-com.example.b'", appTaken).run(jdbc)));
        assertSame(appTaken, any);
        RuntimeException unnamed = assertThrows(RuntimeException.class, () -> transactions.executeWrite(status ->
                new Script().add("INSERT INTO script_app (kind, app_key) VALUES (?, ?)", "APP", "com.example.b")
                        .refuse("uk_script_app", "-com.example.c'", appTaken)
                        .refuse("uk_script_app", aTaken).run(jdbc)));
        assertSame(aTaken, unnamed);

        // a duplicate no refusal names stays a database error
        DataAccessException other = assertThrows(DataAccessException.class, () -> transactions.executeWrite(
                status -> new Script().add("INSERT INTO script_domain (domain) VALUES (?)", "www.b.cn")
                        .refuse("uk_script_app", appTaken).run(jdbc)));
        assertTrue(other.getCause().getMessage().contains("Duplicate entry"), String.valueOf(other.getCause()));
        // its own message names the statement, not the entry (which may be a person's identity number)
        assertTrue(other.getMessage().startsWith("write failed: INSERT INTO script_domain"), other.getMessage());
        assertTrue(!other.getMessage().contains("www.b.cn"), other.getMessage());
    }

    /** A version check: an update that changes no row stops the script at once with its own refusal. */
    @Test
    void anUpdateThatMustChangeOneRowStopsTheScriptWithItsOwnRefusal() {
        transactions.executeWrite(status -> new Script()
                .add("INSERT INTO script_domain (domain, note) VALUES (?, ?)", "a.cn", "1").run(jdbc));
        IllegalStateException staleA = new IllegalStateException("a.cn changed");
        IllegalStateException staleB = new IllegalStateException("b.cn changed");
        int[] counts = transactions.executeWrite(status -> new Script()
                .add("UPDATE script_domain SET note = ? WHERE domain = ? AND note = ?", "2", "a.cn", "1")
                .oneRow(staleA).run(jdbc));
        assertArrayEquals(new int[] {1}, counts, "the update's count");
        RuntimeException refused = assertThrows(RuntimeException.class, () -> transactions.executeWrite(status ->
                new Script().add("UPDATE script_domain SET note = ? WHERE domain = ? AND note = ?", "3", "a.cn", "2")
                        .oneRow(staleA)
                        .add("INSERT INTO script_domain (domain) VALUES (?)", "b.cn")
                        .add("UPDATE script_domain SET note = ? WHERE domain = ? AND note = ?", "x", "b.cn", "stale")
                        .oneRow(staleB)
                        .add("INSERT INTO script_domain (domain) VALUES (?)", "c.cn").run(jdbc)));
        assertSame(staleB, refused, "the check that failed, not the first one of the script");
        assertEquals(List.of("a.cn 2"), strings("SELECT CONCAT(domain, ' ', note) FROM script_domain"),
                "the statements before the failed check rolled back; nothing after it ran");
    }

    @Test
    void thePoolsConnectionsRefuseSeveralStatementsInOneString() {
        DataAccessException stacked = assertThrows(DataAccessException.class, () -> transactions.executeWrite(
                status -> Sql.execute(jdbc, "INSERT INTO script_domain (domain) VALUES ('e.cn'); DELETE FROM "
                        + "script_domain")));
        assertTrue(stacked.getCause() instanceof java.sql.SQLException, String.valueOf(stacked.getCause()));
        assertEquals(List.of("0"), strings("SELECT COUNT(*) FROM script_domain"), "neither statement ran");
    }

    @Test
    void aScriptOfSeveralStatementsRefusesToRunOutsideATransaction() {
        // a connection in autocommit, as the adapters' reads outside a transaction have
        assertThrows(IllegalStateException.class, () -> connections.executeWrite(status -> new Script()
                .add("INSERT INTO script_domain (domain) VALUES (?)", "c.cn")
                .add("INSERT INTO script_domain (domain) VALUES (?)", "c.cn").run(jdbc)));
        assertEquals(List.of("0"), strings("SELECT COUNT(*) FROM script_domain"), "nothing sent");
        // one statement is one statement, transaction or not
        assertArrayEquals(new int[] {1}, connections.executeWrite(status -> new Script()
                .add("INSERT INTO script_domain (domain) VALUES (?)", "d.cn").run(jdbc)));
        assertEquals(List.of("d.cn"), strings("SELECT domain FROM script_domain"));
    }

    private List<String> strings(String sql) {
        return connections.executeRead(status -> Sql.query(jdbc, sql, rs -> rs.getString(1)));
    }
}
