package icp.filing.application.port;

import java.util.function.Supplier;

/** The transaction boundary: everything a use case writes inside one call commits or rolls back together. */
public interface Transactions {
    <T> T inTransaction(Supplier<T> work);
}
