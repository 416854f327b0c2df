package icp.filing.bootstrap;

import static org.junit.jupiter.api.Assertions.fail;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import java.util.Map;

/**
 * Starts that the system must refuse. A context whose start fails is left half-built by Micronaut — its connection
 * pool open, filling itself up to its size — which a process that exits does not mind but a test JVM sharing one
 * MariaDB does: enough of them and the server refuses connections to the tests after them. So the half-built context
 * is closed here.
 */
final class RefusedStarts {
    private RefusedStarts() {
    }

    /** @return why a start with these properties (environment {@code test}) was refused */
    static Throwable refused(Map<String, Object> properties) {
        ApplicationContext context = ApplicationContext.builder().properties(properties).environments("test").build();
        try {
            context.start();
        } catch (RuntimeException refused) {
            // the context never ran, so closing it destroys nothing: its pools are closed one by one
            for (var pool : context.getActiveBeanRegistrations(javax.sql.DataSource.class)) {
                if (DelegatingDataSource.unwrapDataSource(pool.getBean()) instanceof AutoCloseable closeable) {
                    try {
                        closeable.close();
                    } catch (Exception e) {
                        refused.addSuppressed(e);
                    }
                }
            }
            context.close();
            return refused;
        }
        context.close();
        return fail("the start was expected to be refused");
    }
}
