package icp.filing.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import icp.filing.application.port.Applications;
import icp.filing.application.port.PageRequest;
import icp.filing.domain.application.ApplicationId;
import icp.filing.domain.application.ApplicationState;
import icp.filing.domain.common.Province;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Data written by the first released schema (V1–V4) and its code lives on: the migrations since (subject identity,
 * request digests, read records) apply to it, and the application loads and lists it.
 */
class MigrationTest {

    @Test
    void applicationsStoredUnderV4AreMigratedAndLoad() throws Exception {
        Path dir = Files.createTempDirectory("icp-migration-").resolve("mariadb");
        EmbeddedMariaDb.Server server = EmbeddedMariaDb.start(dir, "icp_filing", false);
        try {
            Flyway.configure().dataSource(server.url(), server.username(), server.password())
                    .locations("classpath:db/migration").target("4").load().migrate();
            try (Connection c = DriverManager.getConnection(server.url(), server.username(), server.password());
                 Statement s = c.createStatement()) {
                // as the V4 code wrote them: the subject key was "<certificate type>:<number>"
                s.execute("""
                        INSERT INTO application (id, provider_id, request_id, operation, state, province_code,
                            subject_nature, subject_name, subject_certificate_type, subject_certificate_number,
                            subject_address, principal_name, principal_certificate_type, principal_certificate_number,
                            principal_phone, principal_email, submitted_at, queued_at, open_subject_key, version)
                        VALUES ('00000000-0000-0000-0000-000000000004', 'demo-cloud', 'old-1', 'NEW_FILING',
                            'IN_REVIEW', '11', 4, '北京旧数据科技有限公司', 1, '91110108551385082Q', '北京市海淀区',
                            '张三', 101, '11010519491231002X', '13800138000', 'zhang@example.cn',
                            '2025-06-01 02:00:00', '2025-06-01 02:00:01', '1:91110108551385082Q', 0)""");
                s.execute("""
                        INSERT INTO application_service (application_id, position, kind, name, domains, home_url,
                            principal_name, principal_certificate_type, principal_certificate_number, principal_phone,
                            principal_email, access_method, access_ips, server_location, content_categories, languages)
                        VALUES ('00000000-0000-0000-0000-000000000004', 0, 'WEBSITE', '旧网站', 'old-example.cn',
                            'http://old-example.cn/', '李四', 101, '110101199001010015', '13900139000',
                            'lisi@example.cn', 4, '203.0.113.10', '11', '1', 'zh-Hans')""");
                s.execute("""
                        INSERT INTO application_transition (application_id, seq, from_state, to_state, actor_kind,
                            actor_id, at) VALUES
                            ('00000000-0000-0000-0000-000000000004', 0, NULL, 'SUBMITTED', 'PROVIDER', 'demo-cloud',
                             '2025-06-01 02:00:00'),
                            ('00000000-0000-0000-0000-000000000004', 1, 'SUBMITTED', 'IN_REVIEW', 'SYSTEM', 'system',
                             '2025-06-01 02:00:01')""");
            }

            Flyway.configure().dataSource(server.url(), server.username(), server.password())
                    .locations("classpath:db/migration").load().migrate();
            try (Connection c = DriverManager.getConnection(server.url(), server.username(), server.password());
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT subject_key, open_subject_key, request_digest FROM application")) {
                assertTrue(rs.next());
                assertEquals("UNIT:551385082", rs.getString(1), "the unit's identity, whatever its certificate");
                assertEquals("UNIT:551385082", rs.getString(2));
                assertEquals(null, rs.getString(3));
            }

            try (ApplicationContext context = ApplicationContext.run(Map.of(
                    "datasources.default.url", server.url(), "datasources.default.username", server.username(),
                    "datasources.default.password", server.password()), "test")) {
                Applications applications = context.getBean(Applications.class);
                var loaded = applications.find(new ApplicationId("00000000-0000-0000-0000-000000000004")).orElseThrow();
                assertEquals(ApplicationState.IN_REVIEW, loaded.state());
                assertEquals("北京旧数据科技有限公司", loaded.subject().name());
                assertEquals(java.time.Instant.parse("2025-06-01T02:00:00Z"), loaded.submittedAt());
                assertEquals(1, applications.listByProvince(Province.BEIJING, ApplicationState.IN_REVIEW,
                        PageRequest.of(0, 10)).total());
            }
        } finally {
            EmbeddedMariaDb.stop(dir);
            try (var paths = Files.walk(dir.getParent())) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
