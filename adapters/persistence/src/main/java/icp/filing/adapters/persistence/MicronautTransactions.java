package icp.filing.adapters.persistence;

import icp.filing.application.port.Transactions;
import com.zaxxer.hikari.HikariConfig;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.function.Supplier;

/** The application's transaction port on Micronaut Data's JDBC transaction manager. */
@Singleton
final class MicronautTransactions implements Transactions {
    private final TransactionOperations<Connection> transactions;
    private final JdbcOperations jdbc;
    private final boolean pooledInAutocommit;

    MicronautTransactions(TransactionOperations<Connection> transactions, JdbcOperations jdbc,
                          javax.sql.DataSource dataSource) {
        this.transactions = transactions;
        this.jdbc = jdbc;
        // the pool's own setting (datasources.*.auto-commit), not a connection's: nothing is borrowed to learn it
        this.pooledInAutocommit = DelegatingDataSource.unwrapDataSource(dataSource) instanceof HikariConfig pool
                && pool.isAutoCommit();
    }

    /** The work's writes that nobody waits for are held and sent together at its end ({@link HeldWrites}). */
    @Override
    public <T> T inTransaction(Supplier<T> work) {
        // the commit may go with the held writes only where this work began the transaction and nothing marked it
        // for rollback
        return transactions.executeWrite(status -> HeldWrites.around(jdbc, work,
                () -> status.isNewTransaction() && !status.isRollbackOnly(), pooledInAutocommit));
    }

    /** As {@link #inTransaction}: the held writes are sent, and refused as they would be, before the rollback. */
    @Override
    public <T> T rolledBack(Supplier<T> work) {
        return transactions.executeWrite(status -> {
            T result = HeldWrites.around(jdbc, work);
            status.setRollbackOnly();
            return result;
        });
    }

    @Override
    public void afterCommit(Runnable action) {
        var status = transactions.findTransactionStatus();
        if (status.isEmpty()) {
            action.run();
            return;
        }
        status.get().registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
