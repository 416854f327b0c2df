package icp.filing.adapters.persistence;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The pool's connections take several statements in one round trip ({@link Script}): Connector/J's
 * {@code allowMultiQueries}, set on every datasource whatever its URL says, so that an operator's own JDBC URL cannot
 * leave it out. Safe here because no statement is ever built from a value: values go through {@code ?}, which the
 * driver escapes, and only the names of tables and columns written in this code are put into statements.
 */
@Singleton
final class MultiStatements implements BeanCreatedEventListener<DatasourceConfiguration> {
    static final String PROPERTY = "allowMultiQueries";

    /**
     * Refuses the start where the pool's connections cannot take several statements at once: a JDBC URL that says
     * {@code allowMultiQueries=false} overrides the property set here, and every write would then fail.
     */
    static void require(DataSource pool) {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DO 1; DO 2");
        } catch (SQLException e) {
            throw new IllegalStateException("The database connections do not take several statements at once, which "
                    + "this system's writes need: remove allowMultiQueries=false from the JDBC URL ("
                    + e.getMessage() + ")", e);
        }
    }

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration config = event.getBean();
        config.addDataSourceProperty(PROPERTY, "true");
        return config;
    }
}
