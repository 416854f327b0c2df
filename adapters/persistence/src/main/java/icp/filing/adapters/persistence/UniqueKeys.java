package icp.filing.adapters.persistence;

import icp.filing.domain.error.FilingException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.Map;

/**
 * Turns a duplicate-key error into the domain's refusal by the name of the unique index that fired;
 * any other database error stays what it is.
 */
final class UniqueKeys {
    private UniqueKeys() {
    }

    static RuntimeException translate(RuntimeException error, Map<String, ? extends FilingException> byIndex) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLIntegrityConstraintViolationException && t.getMessage() != null) {
                for (Map.Entry<String, ? extends FilingException> entry : byIndex.entrySet()) {
                    if (t.getMessage().contains(entry.getKey() + "'")) {
                        return entry.getValue();
                    }
                }
            }
        }
        return error;
    }
}
