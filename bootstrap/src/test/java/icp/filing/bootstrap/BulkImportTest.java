package icp.filing.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import icp.filing.application.usecase.ImportRegister;
import icp.filing.bootstrap.register.RegisterTools;
import icp.filing.bootstrap.register.SyntheticRegister;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A synthetic register written in the bulk-import format and imported into the national register: cut off after
 * a few batches (a crash), the import resumes after the last batch committed; every filing is in once.
 */
@MicronautTest(transactional = false)
@Property(name = "datasources.default.url", value = "jdbc:mariadb://embedded/icp_bulk_import")
class BulkImportTest {
    @Inject
    ApplicationContext context;

    @Test
    void anImportCutOffResumesAndEveryFilingIsImportedOnce(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("register.pb");
        long subjects = RegisterTools.generate(file, 2_000, 7);
        assertTrue(subjects > 500 && Files.size(file) > 0, subjects + " subjects");

        ImportRegister.Imported cut = RegisterTools.importFile(context, file, 100, 3);
        assertEquals(new ImportRegister.Imported(0, 300), cut, "three batches, then the crash");
        ImportRegister.Imported resumed = RegisterTools.importFile(context, file, 100, 0);
        assertEquals(new ImportRegister.Imported(300, subjects - 300), resumed);
        ImportRegister.Imported again = RegisterTools.importFile(context, file, 100, 0);
        assertEquals(new ImportRegister.Imported(subjects, 0), again, "a finished import imports nothing more");

        DataSource raw = DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class));
        try (Connection c = raw.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT (SELECT COUNT(*) FROM national_filing), (SELECT COUNT(*) FROM national_upload), "
                        + "(SELECT COUNT(*) FROM national_service), (SELECT COUNT(DISTINCT province_code) FROM "
                        + "national_filing), (SELECT COUNT(*) FROM national_filing WHERE person), "
                        + "(SELECT COUNT(*) FROM national_service WHERE NOT filed)")) {
            rs.next();
            assertEquals(subjects, rs.getLong(1), "every subject once");
            assertEquals(subjects, rs.getLong(2), "one import record each");
            assertTrue(rs.getLong(3) >= 2_000, "the services: " + rs.getLong(3));
            assertEquals(31, rs.getLong(4), "all 31 provinces");
            assertTrue(rs.getLong(5) > 0 && rs.getLong(6) > 0, "persons, and services no longer filed, among them");
        }

        var first = new SyntheticRegister(7).filing(0);
        String domain = first.services().stream().flatMap(s -> s.registrableDomains().stream()).findFirst()
                .orElse(null);
        if (domain != null && first.filed() && first.services().get(0).filed()) {
            try (ApiClients clients = new ApiClients(0, context.getBean(io.micronaut.runtime.server.EmbeddedServer.class)
                    .getURI(), context.getBean(io.micronaut.json.JsonMapper.class))) {
                assertTrue(clients.get("/api/v1/public/filings?q=" + domain, null).body()
                        .contains(first.subjectNumber()), "the public query finds an imported filing");
            }
        }
    }
}
