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
            // checked by the server alone: the commit goes with them, after the refused insert, so never runs
            HeldWrites.hold(jdbc, insert("a", 1));
            HeldWrites.hold(jdbc, insert("dup", 2).refuse("PRIMARY", taken));
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

    /**
     * Writes the server checks by itself carry the commit: when the transaction manager comes to commit, the server
     * has committed already and is back in autocommit, as the driver knows (so it sends neither the commit nor the
     * reset). A write
     * checked in the JVM keeps the commit apart, after its check.
     */
    @Test
    void theCommitGoesWithTheLastHeldWritesOnlyWhenTheServerChecksThemAll() {
        List<Boolean> autocommitAtCommit = new ArrayList<>();
        transactions.inTransaction(() -> {
            HeldWrites.hold(jdbc, insert("a", 1));
            HeldWrites.hold(jdbc, insert("b", 2));
            beforeCommit(autocommitAtCommit);
            return null;
        });
        transactions.inTransaction(() -> {
            HeldWrites.hold(jdbc, insert("c", 3));
            HeldWrites.hold(jdbc, insert("d", 4), counts -> { });
            beforeCommit(autocommitAtCommit);
            return null;
        });
        assertEquals(List.of(true, false), autocommitAtCommit);
        assertEquals(List.of("a", "b", "c", "d"), operations.executeRead(status -> keys()), "both committed");
    }

    /**
     * Only a transaction the work began commits with its writes: one the work joined is its caller's to end, and a
     * validation's is rolled back.
     */
    @Test
    void aJoinedOrRolledBackTransactionIsNotCommittedWithTheHeldWrites() {
        assertThrows(IllegalStateException.class, () -> operations.executeWrite(status -> {
            transactions.inTransaction(() -> {
                HeldWrites.hold(jdbc, insert("joined", 1));
                return null;
            });
            throw new IllegalStateException("the caller's transaction fails after the work");
        }));
        transactions.rolledBack(() -> {
            HeldWrites.hold(jdbc, insert("validated", 1));
            return null;
        });
        assertEquals(List.of(), operations.executeRead(status -> keys()), "neither was committed");
    }

    private void beforeCommit(List<Boolean> autocommit) {
        operations.findTransactionStatus().orElseThrow().registerSynchronization(
                new io.micronaut.transaction.support.TransactionSynchronization() {
                    @Override
                    public void beforeCommit(boolean readOnly) {
                        try {
                            // the driver's own state (the pool's proxy keeps the mode it last set)
                            autocommit.add(jdbc.getConnection().unwrap(Connection.class).getAutoCommit());
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                });
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
