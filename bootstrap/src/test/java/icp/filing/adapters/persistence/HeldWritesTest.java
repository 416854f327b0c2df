package icp.filing.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import icp.filing.application.port.Transactions;
import icp.filing.domain.error.AlreadyExistsException;
import icp.filing.domain.error.ConcurrentUpdateException;
import icp.filing.domain.error.Reason;
import io.micronaut.context.annotation.Property;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.DefaultTransactionDefinition;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Writes a use case's transaction holds: sent before anything else reads the connection, and at the end of the work,
 * inside the transaction — so a read sees them, and their refusals and row-count checks roll the whole back.
 */
@MicronautTest(transactional = false)
@Property(name = "datasources.default.url", value = "jdbc:mariadb://embedded/icp_held_writes")
class HeldWritesTest {
    @Inject
    JdbcOperations jdbc;
    @Inject
    Transactions transactions;
    @Inject
    TransactionOperations<Connection> operations;

    @BeforeEach
    void table() {
        operations.executeWrite(status -> {
            Sql.execute(jdbc, "CREATE TABLE IF NOT EXISTS held (k VARCHAR(20) PRIMARY KEY, v INT)");
            Sql.execute(jdbc, "DELETE FROM held");
            return null;
        });
    }

    @Test
    void aReadInTheTransactionSeesTheWritesHeldBeforeIt() {
        List<String> seen = transactions.inTransaction(() -> {
            HeldWrites.hold(jdbc, insert("a", 1), counts -> { });
            HeldWrites.hold(jdbc, insert("b", 2), counts -> { });
            return keys();
        });
        assertEquals(List.of("a", "b"), seen);
        assertEquals(List.of("a", "b"), operations.executeRead(status -> keys()));
    }

    @Test
    void heldWritesAreSentAtTheEndOfTheWorkAndTheirChecksSeeTheirOwnCounts() {
        List<int[]> checked = new ArrayList<>();
        transactions.inTransaction(() -> {
            HeldWrites.hold(jdbc, insert("a", 1).add("UPDATE held SET v = 5 WHERE k = ?", "a"), checked::add);
            HeldWrites.hold(jdbc, new Script().add("UPDATE held SET v = 6 WHERE k = ?", "none"), checked::add);
            assertEquals(List.of(), checked, "nothing sent yet");
            return null;
        });
        assertEquals(2, checked.size());
        assertEquals(List.of(1, 1), List.of(checked.get(0)[0], checked.get(0)[1]));
        assertEquals(1, checked.get(1).length);
        assertEquals(0, checked.get(1)[0], "the second script's own count, not the first's");
    }

    @Test
    void aRefusalOrAFailedCheckInHeldWritesRollsTheWholeTransactionBack() {
        AlreadyExistsException taken = new AlreadyExistsException(Reason.DUPLICATE_REQUEST_ID, "taken");
        operations.executeWrite(status -> insert("dup", 0).run(jdbc));
        RuntimeException refused = assertThrows(RuntimeException.class, () -> transactions.inTransaction(() -> {
            Sql.execute(jdbc, "INSERT INTO held (k, v) VALUES ('sent', 1)");
            HeldWrites.hold(jdbc, insert("a", 1), counts -> { });
            HeldWrites.hold(jdbc, insert("dup", 2).refuse("PRIMARY", taken), counts -> { });
            return null;
        }));
        assertSame(taken, refused);
        ConcurrentUpdateException stale = new ConcurrentUpdateException(Reason.CONCURRENT_UPDATE, "stale");
        assertThrows(ConcurrentUpdateException.class, () -> transactions.inTransaction(() -> {
            HeldWrites.hold(jdbc, insert("b", 1), counts -> { });
            HeldWrites.hold(jdbc, new Script().add("UPDATE held SET v = 1 WHERE k = ? AND v = ?", "dup", 99),
                    counts -> {
                        if (counts[0] != 1) {
                            throw stale;
                        }
                    });
            return null;
        }));
        assertEquals(List.of("dup"), operations.executeRead(status -> keys()), "nothing of either transaction");
    }

    /** A transaction of its own inside the work (as the relay's claim) writes on its own connection, at once. */
    @Test
    void writesOfAnInnerTransactionOnAnotherConnectionAreNotHeldNorSentThere() {
        TransactionDefinition own = new DefaultTransactionDefinition(TransactionDefinition.Propagation.REQUIRES_NEW);
        assertThrows(IllegalStateException.class, () -> transactions.inTransaction(() -> {
            HeldWrites.hold(jdbc, insert("outer", 1), counts -> { });
            operations.execute(own, status -> {
                HeldWrites.hold(jdbc, insert("inner", 1), counts -> { });
                // the inner transaction reads its own connection: the outer's held write is not sent on it
                assertEquals(List.of("inner"), keys());
                return null;
            });
            throw new IllegalStateException("the outer transaction fails");
        }));
        assertEquals(List.of("inner"), operations.executeRead(status -> keys()),
                "the inner committed on its own; the outer's held write went nowhere");
    }

    private static Script insert(String key, int value) {
        return new Script().add("INSERT INTO held (k, v) VALUES (?, ?)", key, value);
    }

    private List<String> keys() {
        return Sql.query(jdbc, "SELECT k FROM held ORDER BY k", rs -> rs.getString(1));
    }
}
