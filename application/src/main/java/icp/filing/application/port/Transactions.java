package icp.filing.application.port;

import java.util.function.Supplier;

/** The transaction boundary: everything a use case writes inside one call commits or rolls back together. */
public interface Transactions {
    <T> T inTransaction(Supplier<T> work);

    /**
     * Runs the work as {@link #inTransaction} would, every check and unique key included, and then rolls it all back:
     * a dry run that stores nothing (validate_only).
     */
    <T> T rolledBack(Supplier<T> work);
}
