package icp.filing.bootstrap.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;

/**
 * The database's own read ceilings, on the national register the public query reads, at the benchmark's concurrency:
 * a point select on the unique key of filed registrable domains, and the same for 100 keys as one set-based query.
 */
final class BenchReads {
    private static final int BATCH = 100;

    private BenchReads() {
    }

    static FilingBenchmark.Figure pointSelects(DataSource raw, List<String> domains, int count) throws Exception {
        return FilingBenchmark.warmedRun("ceiling: raw point select (unique key)", count, i -> () -> query(raw,
                "SELECT subject_number FROM national_domain WHERE live_domain = ?",
                List.of(domains.get(i % domains.size()))));
    }

    static FilingBenchmark.Figure setSelects(DataSource raw, List<String> domains, int count) throws Exception {
        String sql = "SELECT live_domain, subject_number FROM national_domain WHERE live_domain IN ("
                + String.join(",", Collections.nCopies(BATCH, "?")) + ")";
        return FilingBenchmark.warmedRun("ceiling: raw select of 100 keys (IN)", count,
                i -> () -> query(raw, sql, batch(domains, i)));
    }

    /** Where a public query's time goes: the register's read, the query in process, HTTP around a refusal. */
    static void breakdown(io.micronaut.context.ApplicationContext context, BenchHttp http, List<String> domains,
                          int count) throws Exception {
        var register = context.getBean(icp.filing.application.port.PublicRegister.class);
        FilingBenchmark.run("part: register read (in process; memory after the first)", count, i -> () -> register.byRegistrableDomain(
                icp.filing.domain.service.DomainName.parse(domains.get(i % domains.size()))));
        var query = context.getBean(icp.filing.application.query.PublicQuery.class);
        FilingBenchmark.run("part: public query (in process)", count, i -> () -> query.search("www."
                + domains.get(i % domains.size()), java.util.Optional.empty()));
        FilingBenchmark.run("part: HTTP, a deadline (no database)", count, i -> () -> http.get(
                "/api/v1/working-days/deadline?accepted=2025-01-0" + (1 + i % 9) + "&days=20"));
        FilingBenchmark.run("part: HTTP, a refused query (400)", count, i -> () -> {
            try {
                http.get("/api/v1/public/filings?q=");
            } catch (IllegalStateException expected) {
                // the answer is the 400 problem, read whole
            }
        });
    }

    static String batchBody(List<String> domains, int i) {
        return "{\"items\":[\"" + String.join("\",\"", batch(domains, i)) + "\"]}";
    }

    private static List<String> batch(List<String> domains, int i) {
        return java.util.stream.IntStream.range(0, BATCH).mapToObj(k -> domains.get((i * BATCH + k) % domains.size()))
                .toList();
    }

    private static void query(DataSource raw, String sql, List<String> keys) {
        try (Connection c = raw.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int k = 0; k < keys.size(); k++) {
                ps.setString(k + 1, keys.get(k));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getString(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
