package icp.filing.adapters.persistence;

import icp.filing.application.port.Transactions;
import io.micronaut.transaction.TransactionOperations;
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
}
