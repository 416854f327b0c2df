package icp.filing.adapters.persistence;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the database to the migrations this build carries when the pool is created, before anything reads it.
 *
 * <p>A database that already holds every one of them, each applied successfully with the same version, description
 * and checksum and nothing else recorded, is left alone without loading Flyway: configuring Flyway costs a start half
 * a second (it copies its configuration through Jackson, 400 classes), and nearly every start finds the schema current.
 * Everything else goes to Flyway as before — a fresh database, a migration missing, edited, failed or unknown to this
 * build — which migrates, or refuses the start with its own validation message.
 */
@Singleton
public final class SchemaMigration implements BeanCreatedEventListener<DataSource> {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigration.class);

    /** What the last start found. */
    public enum Outcome { CURRENT, MIGRATED_BY_FLYWAY }

    private volatile Outcome outcome;

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        DataSource raw = DelegatingDataSource.unwrapDataSource(event.getBean());
        ClassLoader loader = SchemaMigration.class.getClassLoader();
        Optional<Map<String, BundledMigrations.Migration>> bundled = BundledMigrations.read(loader);
        if (bundled.isPresent() && allApplied(raw, bundled.get())) {
            LOG.info("Schema current: all {} migrations applied, nothing to migrate", bundled.get().size());
            outcome = Outcome.CURRENT;
        } else {
            try {
                Flyway.configure(loader).dataSource(raw).locations("classpath:" + BundledMigrations.LOCATION).load()
                        .migrate();
            } catch (RuntimeException refused) {
                closeQuietly(raw, refused);
                throw refused;
            }
            outcome = Outcome.MIGRATED_BY_FLYWAY;
        }
        return event.getBean();
    }

    /**
     * The start fails with the pool half-made: no bean holds it, so nothing would ever close it, and it keeps filling
     * itself with connections for as long as the JVM lives (a test JVM, or an embedding program that goes on).
     */
    private static void closeQuietly(DataSource pool, RuntimeException refused) {
        if (pool instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                refused.addSuppressed(e);
            }
        }
    }

    /** @return what the start found, or null before the pool was created */
    public Outcome outcome() {
        return outcome;
    }

    /** Whether Flyway's history holds exactly the bundled migrations, each applied successfully, and nothing else. */
    private static boolean allApplied(DataSource dataSource, Map<String, BundledMigrations.Migration> bundled) {
        Map<String, BundledMigrations.Migration> applied = new HashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT version, description, type, checksum, success FROM flyway_schema_history")) {
            while (rows.next()) {
                String version = rows.getString(1);
                int checksum = rows.getInt(4);
                boolean noChecksum = rows.wasNull();
                if (!"SQL".equals(rows.getString(3)) || !rows.getBoolean(5) || noChecksum || version == null) {
                    return false;
                }
                if (applied.put(version, new BundledMigrations.Migration(version, rows.getString(2), checksum))
                        != null) {
                    return false;
                }
            }
        } catch (SQLException noHistoryYet) {
            return false; // a fresh database, or one Flyway has to look at: Flyway says which
        }
        return Objects.equals(applied, bundled);
    }
}
