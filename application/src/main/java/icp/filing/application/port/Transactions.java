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

    /**
     * Runs the action once the current transaction has committed (not at all when it rolls back); at once when there
     * is no transaction. For signals only (wake the outbox relay): the action must not fail the caller.
     */
    void afterCommit(Runnable action);
}
