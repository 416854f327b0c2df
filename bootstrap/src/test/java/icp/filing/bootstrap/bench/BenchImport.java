package icp.filing.bootstrap.bench;

import icp.filing.application.usecase.ImportRegister;
import icp.filing.bootstrap.register.RegisterTools;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import javax.sql.DataSource;

/**
 * The bulk import beside the database's raw batched inserts, in rows per second: a synthetic register of
 * {@code bench.import-services} services is written and imported into the national register, then the same number
 * of rows is inserted raw, in batches of the same size. Both are timed warm, as the other figures are: a register of
 * other subjects (at most {@link #WARM_UP_SERVICES} services) is imported first, and as many raw rows inserted.
 */
final class BenchImport {
    private static final int BATCH = 1000;
    private static final long WARM_UP_SERVICES = 20_000;
    /** The warm-up's subjects: far from the timed register's (which start at 0), so that none is shared. */
    private static final long WARM_UP_FIRST_INDEX = 200_000_000;

    private BenchImport() {
    }

    /** @return the import's rows per second and the raw rows per second */
    static double[] importVersusRaw(ApplicationContext context, DataSource raw, long services) throws Exception {
        warmUp(context, raw, Math.min(services, WARM_UP_SERVICES));
        Path file = Files.createTempFile("icp-register", ".pb");
        try {
            long subjects = RegisterTools.generate(file, services, 11);
            long rowsBefore = rows(raw);
            long started = System.nanoTime();
            ImportRegister.Imported imported = RegisterTools.importFile(context, file, BATCH, 0);
            double seconds = (System.nanoTime() - started) / 1e9;
            long rows = rows(raw) - rowsBefore;
            double importRate = rows / seconds;
            System.out.printf("bulk import: %d filings (%d services, %d rows) in %.1f s: %.0f filings/s, %.0f rows/s%n",
                    imported.imported(), services, rows, seconds, imported.imported() / seconds, importRate);
            double rawRate = rawBatchedInserts(raw, rows);
            System.out.printf("ceiling: raw batched inserts of %d rows: %.0f rows/s%n", rows, rawRate);
            return new double[] {importRate, rawRate, subjects};
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Imports a register of other subjects and inserts as many raw rows, unmeasured, so that both run compiled. */
    private static void warmUp(ApplicationContext context, DataSource raw, long services) throws Exception {
        Path file = Files.createTempFile("icp-register-warm-up", ".pb");
        try {
            long started = System.nanoTime();
            RegisterTools.generate(file, services, 12, WARM_UP_FIRST_INDEX);
            long rowsBefore = rows(raw);
            RegisterTools.importFile(context, file, BATCH, 0);
            rawBatchedInserts(raw, rows(raw) - rowsBefore);
            System.out.printf("bulk import warmed up: %d services of other subjects imported and as many raw rows"
                    + " inserted, unmeasured, in %.1f s%n", services, (System.nanoTime() - started) / 1e9);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * Registrable domains of imported filings that are filed, spread over the whole register (the generator is
     * replayed in order, as it wrote them).
     */
    static java.util.List<String> sampleDomains(long subjects, int max) {
        icp.filing.bootstrap.register.SyntheticRegister register = new icp.filing.bootstrap.register.SyntheticRegister(11);
        long step = Math.max(1, subjects / max);
        java.util.List<String> domains = new java.util.ArrayList<>();
        for (long i = 0; i < subjects; i++) {
            var filing = register.filing(i);
            if (i % step == 0 && filing.filed()) {
                filing.services().stream().filter(s -> s.filed() && !s.registrableDomains().isEmpty()).findFirst()
                        .ifPresent(s -> domains.add(s.registrableDomains().get(0)));
            }
        }
        return domains;
    }

    private static long rows(DataSource raw) throws Exception {
        try (Connection c = raw.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT (SELECT COUNT(*) FROM national_filing) + (SELECT COUNT(*) FROM national_service) "
                        + "+ (SELECT COUNT(*) FROM national_domain) + (SELECT COUNT(*) FROM national_upload)")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static double rawBatchedInserts(DataSource raw, long rows) throws Exception {
        try (Connection c = raw.getConnection()) {
            c.createStatement().execute("CREATE TABLE IF NOT EXISTS bench_bulk (id BIGINT AUTO_INCREMENT PRIMARY KEY, "
                    + "k VARCHAR(64) NOT NULL, payload VARCHAR(200) NOT NULL, UNIQUE KEY uk_bench_bulk (k)) "
                    + "ENGINE=InnoDB");
            c.setAutoCommit(false);
            long started = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO bench_bulk (k, payload) VALUES (?, ?)")) {
                for (long i = 0; i < rows; i++) {
                    ps.setString(1, "k" + i + "-" + started);
                    ps.setString(2, "合成单位合成网站 syn" + i + ".cn www.syn" + i + ".cn");
                    ps.addBatch();
                    if ((i + 1) % BATCH == 0 || i == rows - 1) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
            }
            return rows / ((System.nanoTime() - started) / 1e9);
        }
    }
}
