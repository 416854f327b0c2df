package icp.filing.bootstrap;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.nio.file.Path;

/**
 * Points a datasource whose URL names the host {@code embedded} (the default, jdbc:mariadb://embedded/icp_filing)
 * at the embedded MariaDB, before the pool and Flyway see it. Any real JDBC URL
 * (DATASOURCES_DEFAULT_URL=jdbc:mariadb://db.example:3306/icp) leaves it alone.
 */
@Singleton
final class EmbeddedDatabaseListener implements BeanCreatedEventListener<DatasourceConfiguration> {
    static final String EMBEDDED = "jdbc:mariadb://embedded/";

    private final Path dataDir;
    private final boolean fresh;
    private final boolean stopWithContext;
    private final String bufferPool;
    private boolean started;

    EmbeddedDatabaseListener(@Value("${icp.embedded-db.data-dir:data/mariadb}") String dataDir,
                             @Value("${icp.embedded-db.fresh:false}") boolean fresh,
                             @Value("${icp.embedded-db.stop-with-context:true}") boolean stopWithContext,
                             @Value("${icp.embedded-db.buffer-pool-size:" + EmbeddedMariaDb.DEFAULT_BUFFER_POOL + "}")
                             String bufferPool) {
        this.bufferPool = bufferPool;
        this.dataDir = Path.of(dataDir);
        this.fresh = fresh;
        this.stopWithContext = stopWithContext;
    }

    /**
     * The server stops with the application, not only at the JVM's end: a program that closes the context and
     * returns (the benchmark) must not be kept alive by the server's process watcher. Tests share one server across
     * their contexts and turn this off.
     */
    @PreDestroy
    void stop() {
        if (started && stopWithContext) {
            EmbeddedMariaDb.stop(dataDir);
        }
    }

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration config = event.getBean();
        String configured = config.getConfiguredUrl();
        if (configured != null && configured.startsWith(EMBEDDED)) {
            String database = configured.substring(EMBEDDED.length()).replaceFirst("[?;].*$", "");
            EmbeddedMariaDb.Server server = EmbeddedMariaDb.start(dataDir, database, fresh, bufferPool);
            started = true;
            config.setUrl(server.url());
            config.setJdbcUrl(server.url());
            config.setUsername(server.username());
            config.setPassword(server.password());
        }
        return config;
    }
}
