package icp.filing.adapters.persistence;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

/**
 * The pool's connections take several statements in one round trip ({@link Script}): Connector/J's
 * {@code allowMultiQueries}, set on every datasource whatever its URL says, so that an operator's own JDBC URL cannot
 * leave it out. Safe here because no statement is ever built from a value: values go through {@code ?}, which the
 * driver escapes, and only the names of tables and columns written in this code are put into statements.
 */
@Singleton
final class MultiStatements implements BeanCreatedEventListener<DatasourceConfiguration> {
    static final String PROPERTY = "allowMultiQueries";

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration config = event.getBean();
        config.addDataSourceProperty(PROPERTY, "true");
        return config;
    }
}
