package icp.filing.adapters.persistence;

import icp.filing.application.port.Transactions;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.function.Supplier;

/** The application's transaction port on Micronaut Data's JDBC transaction manager. */
@Singleton
final class MicronautTransactions implements Transactions {
    private final TransactionOperations<Connection> transactions;

    MicronautTransactions(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return transactions.executeWrite(status -> work.get());
    }

    @Override
    public <T> T rolledBack(Supplier<T> work) {
        return transactions.executeWrite(status -> {
            T result = work.get();
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
