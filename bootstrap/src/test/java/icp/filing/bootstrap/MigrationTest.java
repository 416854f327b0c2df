package icp.filing.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import icp.filing.application.port.Applications;
import icp.filing.application.port.Filings;
import icp.filing.application.port.PublicRegister;
import icp.filing.application.port.Transactions;
import icp.filing.domain.application.HistoryChain;
import icp.filing.domain.application.ProviderId;
import icp.filing.domain.filing.FiledService;
import icp.filing.domain.filing.Approval;
import icp.filing.domain.filing.Filing;
import icp.filing.domain.filing.RecordChain;
import icp.filing.domain.number.FilingNumber;
import icp.filing.domain.service.DomainName;
import icp.filing.domain.service.PackageName;
import icp.filing.domain.service.PublicSuffixes;
import icp.filing.domain.service.QuickApp;
import icp.filing.domain.service.ServiceContent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import icp.filing.application.port.PageRequest;
import icp.filing.domain.application.Actor;
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
 * request digests, read records, filings as aggregates) apply to it, the application loads and lists it, and a filing
 * approved then loads as an aggregate and goes on living under the new model.
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
                // what V20 turns into lines of text: a tab, a line break and backslashes in values, a NULL position
                s.execute("""
                        UPDATE application_transition SET comment = '补充\\t说明\\\\n第二行\\n\\\\N'
                        WHERE application_id = '00000000-0000-0000-0000-000000000004' AND seq = 1""");
                s.execute("""
                        INSERT INTO material (id, provider_id, kind, format, size_bytes, sha256, uploaded_at, content)
                        VALUES ('00000000-0000-0000-0000-0000000000a1', 'demo-cloud', 'SUBJECT_CERTIFICATE', 'PDF', 1,
                            REPEAT('0', 64), '2025-06-01 01:00:00', 'x')""");
                s.execute("""
                        INSERT INTO application_material (application_id, service_position, kind, material_id) VALUES
                            ('00000000-0000-0000-0000-000000000004', NULL, 'SUBJECT_CERTIFICATE',
                             '00000000-0000-0000-0000-0000000000a1'),
                            ('00000000-0000-0000-0000-000000000004', 0, 'SERVICE_PRINCIPAL_ID',
                             '00000000-0000-0000-0000-0000000000a1')""");
                s.execute("""
                        INSERT INTO application_pre_approval (application_id, service_position, type, authority,
                            approval_number, document_material_id)
                        VALUES ('00000000-0000-0000-0000-000000000004', 0, 'NEWS', '北京市\\\\网信办"引号"', '京网信\\t001',
                            '00000000-0000-0000-0000-0000000000a1')""");
                writeV4Filing(s);
                // an operator's server may read backslashes in literals as themselves: V20 writes none
                s.execute("SET GLOBAL sql_mode = CONCAT(@@GLOBAL.sql_mode, ',NO_BACKSLASH_ESCAPES')");
            }

            Flyway.configure().dataSource(server.url(), server.username(), server.password())
                    .locations("classpath:db/migration").load().migrate();
            try (Connection c = DriverManager.getConnection(server.url(), server.username(), server.password());
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT subject_key, open_subject_key, request_digest FROM application"
                         + " WHERE id = '00000000-0000-0000-0000-000000000004'")) {
                assertTrue(rs.next());
                assertEquals("UNIT:551385082", rs.getString(1), "the unit's identity, whatever its certificate");
                assertEquals("UNIT:551385082", rs.getString(2));
                assertEquals(null, rs.getString(3));
            }

            try (ApplicationContext context = provinceNode(server)) {
                Applications applications = context.getBean(Applications.class);
                var loaded = applications.find(new ApplicationId("00000000-0000-0000-0000-000000000004")).orElseThrow();
                assertEquals(ApplicationState.IN_REVIEW, loaded.state());
                assertEquals("北京旧数据科技有限公司", loaded.subject().name());
                assertEquals(java.time.Instant.parse("2025-06-01T02:00:00Z"), loaded.submittedAt());
                assertEquals("补充\t说明\\n第二行\n\\N", loaded.history().get(1).comment(),
                        "a comment's tab, line break and backslashes as they were");
                assertEquals(2, loaded.history().size());
                assertEquals(List.of(DomainName.parse("old-example.cn")),
                        ((icp.filing.domain.service.Website) loaded.services().get(0)).domains());
                var preApproval = loaded.services().get(0).content().preApprovals().get(0);
                assertEquals("北京市\\网信办\"引号\"", preApproval.authority(), "a double quote too, through V23's JSON");
                assertEquals("京网信\t001", preApproval.approvalNumber());
                assertEquals(java.util.Arrays.asList(null, 0), loaded.materials().stream()
                        .map(icp.filing.domain.material.MaterialRef::servicePosition).toList());
                assertEquals(1, applications.listByProvince(Province.BEIJING, ApplicationState.IN_REVIEW,
                        PageRequest.of(0, 10)).total());
                assertEquals(new RecordChain.Verification(true, 2, Optional.empty()), HistoryChain.verify(
                        applications.history(new ApplicationId("00000000-0000-0000-0000-000000000004"))),
                        "histories written before V14 are chained by it as HistoryChain chains them");
                filingLivesOn(context);
            }
        } finally {
            stopAndDelete(dir);
        }
    }

    /** A province node on the migrated database: its own register, as migrated (the national one is fed by uploads). */
    static ApplicationContext provinceNode(EmbeddedMariaDb.Server server) {
        return ApplicationContext.run(Map.of(
                "datasources.default.url", server.url(), "datasources.default.username", server.username(),
                "datasources.default.password", server.password(), "icp.sms.log-sink", "true",
                "icp.mail.log-sink", "true", "icp.sms.code-key", "c2FtZSBrZXkgb24gZXZlcnkgbm9kZSwgMzIgYnl0ZXMhIQ==",
                "icp.node.role", "province"), "test");
    }

    /** Stops the server of a test's own data directory and deletes the directory's parent. */
    static void stopAndDelete(Path dir) throws java.io.IOException {
        EmbeddedMariaDb.stop(dir);
        try (var paths = Files.walk(dir.getParent())) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * An approved filing as the V4 code wrote it: subject 京ICP备2025000001号 with a website (-1) and an APP (-2A), the
     * approving application holding what they are.
     */
    private static void writeV4Filing(Statement s) throws Exception {
        String app = "00000000-0000-0000-0000-000000000003";
        s.execute("""
                INSERT INTO application (id, provider_id, request_id, operation, state, province_code,
                    subject_nature, subject_name, subject_certificate_type, subject_certificate_number,
                    subject_address, principal_name, principal_certificate_type, principal_certificate_number,
                    principal_phone, principal_email, subject_number, submitted_at, queued_at, open_subject_key,
                    version)
                VALUES ('%s', 'demo-cloud', 'old-0', 'NEW_FILING', 'APPROVED', '11', 4, '北京已备案科技有限公司', 1,
                    '91110000802100433B', '北京市东城区', '王五', 101, '11010519491231002X', '13700137000',
                    'wang@example.cn', '京ICP备2025000001号', '2025-05-01 02:00:00', '2025-05-01 02:00:01', NULL, 1)
                """.formatted(app));
        s.execute("""
                INSERT INTO application_service (application_id, position, kind, name, domains, home_url, platform,
                    app_key, signing_fingerprint, principal_name, principal_certificate_type,
                    principal_certificate_number, principal_phone, principal_email, access_method, access_ips,
                    server_location, content_categories, languages)
                VALUES ('%1$s', 0, 'WEBSITE', '已备案网站', 'filed-example.cn,www.filed-example.cn',
                        'http://filed-example.cn/', NULL, NULL, NULL, '王五', 101, '11010519491231002X',
                        '13700137000', 'wang@example.cn', 4, '203.0.113.20', '11', '1', 'zh-Hans'),
                       ('%1$s', 1, 'APP', '已备案应用', NULL, NULL, 'ANDROID', 'cn.filed.example', 'AABBCCDDEEFF00112233445566778899',
                        '王五', 101, '11010519491231002X', '13700137000', 'wang@example.cn', 4, '203.0.113.21', '11',
                        '1', 'zh-Hans')""".formatted(app));
        s.execute("""
                INSERT INTO application_transition (application_id, seq, from_state, to_state, actor_kind, actor_id, at)
                VALUES ('%1$s', 0, NULL, 'SUBMITTED', 'PROVIDER', 'demo-cloud', '2025-05-01 02:00:00'),
                       ('%1$s', 1, 'SUBMITTED', 'IN_REVIEW', 'SYSTEM', 'system', '2025-05-01 02:00:01'),
                       ('%1$s', 2, 'IN_REVIEW', 'APPROVED', 'BUREAU_REVIEWER', 'bj-reviewer', '2025-05-02 02:00:00')"""
                .formatted(app));
        s.execute("""
                INSERT INTO filing (subject_number, province_code, subject_nature, subject_name, subject_key,
                    approved_application_id, approved_at, next_service_sequence, version)
                VALUES ('京ICP备2025000001号', '11', 4, '北京已备案科技有限公司', '1:91110000802100433B', '%s',
                    '2025-05-02 02:00:00', 3, 0)""".formatted(app));
        s.execute("""
                INSERT INTO filed_service (service_number, subject_number, kind, name, domains, home_url, platform,
                    app_key, approved_at, pre_approval_types)
                VALUES ('京ICP备2025000001号-1', '京ICP备2025000001号', 'WEBSITE', '已备案网站',
                        'filed-example.cn,www.filed-example.cn', 'http://filed-example.cn/', NULL, NULL,
                        '2025-05-02 02:00:00', ''),
                       ('京ICP备2025000001号-2A', '京ICP备2025000001号', 'APP', '已备案应用', NULL, NULL, 'ANDROID',
                        'cn.filed.example', '2025-05-02 02:00:00', '')""");
        s.execute("INSERT INTO registrable_domain_owner VALUES ('filed-example.cn', '京ICP备2025000001号')");
        s.execute("""
                INSERT INTO filed_domain VALUES ('filed-example.cn', 'filed-example.cn', '京ICP备2025000001号-1'),
                    ('www.filed-example.cn', 'filed-example.cn', '京ICP备2025000001号-1')""");
    }

    /** The V4 filing loads as an aggregate, takes a new service after its last number, and cancels one. */
    private static void filingLivesOn(ApplicationContext context) {
        Filings filings = context.getBean(Filings.class);
        Transactions transactions = context.getBean(Transactions.class);
        PublicSuffixes suffixes = context.getBean(PublicSuffixes.class);
        FilingNumber number = FilingNumber.parse("京ICP备2025000001号");
        Filing filing = filings.find(number).orElseThrow();
        assertEquals("北京已备案科技有限公司", filing.subject().name());
        assertEquals(List.of("京ICP备2025000001号-1", "京ICP备2025000001号-2A"),
                filing.filedServices().stream().map(s -> s.number().toString()).toList());
        FiledService website = filing.services().get(0);
        assertEquals(List.of(DomainName.parse("filed-example.cn")), website.registrableDomains());
        assertTrue(website.isHostedBy(new ProviderId("demo-cloud")), "the approving provider hosts what it filed");
        assertEquals("203.0.113.21", filing.services().get(1).accesses().get(0).access().ipAddresses().get(0).value());
        assertEquals(Optional.of(number), filings.ownerOf(DomainName.parse("filed-example.cn")));
        assertEquals(new RecordChain.Verification(true, 3, Optional.empty()), RecordChain.verify(filings.record(number)),
                "the record written before V11 is chained by the migration as RecordChain chains it");

        Instant now = Instant.parse("2026-11-29T00:00:00Z");
        transactions.inTransaction(() -> {
            Filing loaded = filings.find(number).orElseThrow();
            loaded.addServices(List.of(new QuickApp("新快应用", PackageName.parse("cn.filed.quick"),
                    website.service().principal(), website.service().access(), ServiceContent.NONE)),
                    new Approval(new ApplicationId("00000000-0000-0000-0000-000000000004"), new ProviderId("demo-cloud"),
                            Actor.reviewer("bj-reviewer"), now), suffixes);
            loaded.cancelService(FilingNumber.parse("京ICP备2025000001号-2A"), new Approval(
                    new ApplicationId("00000000-0000-0000-0000-000000000005"), new ProviderId("demo-cloud"),
                    Actor.reviewer("bj-reviewer"), now));
            filings.update(loaded);
            return loaded;
        });
        Filing after = filings.find(number).orElseThrow();
        assertEquals(List.of("京ICP备2025000001号-1", "京ICP备2025000001号-3K"),
                after.filedServices().stream().map(s -> s.number().toString()).toList());
        assertEquals(4, after.nextServiceSequence());
        assertEquals(1, after.version());
        PublicRegister register = context.getBean(PublicRegister.class);
        assertEquals(List.of(), register.byNumber(FilingNumber.parse("京ICP备2025000001号-2A")));
        assertEquals(1, register.byRegistrableDomain(DomainName.parse("filed-example.cn")).size());
        assertTrue(RecordChain.verify(filings.record(number)).intact(), "and the chain goes on from there");
        assertEquals(5, filings.record(number).size(), "filed, -1 and -2A added; -3K added, -2A cancelled");

        // stored before the ministry tier: the start queued its upload to the national register, once
        NotificationApiTest.await("the backfill at start", () -> filings.neverUploaded(10).isEmpty());
        assertEquals(1, context.getBean(icp.filing.application.port.Outbox.class).counts()
                .get(icp.filing.application.port.OutboxMessage.Channel.MINISTRY_UPLOAD).pending());
        assertEquals(0, context.getBean(icp.filing.application.usecase.NationalBackfill.class).run(),
                "queued once, not at every start");
    }
}
