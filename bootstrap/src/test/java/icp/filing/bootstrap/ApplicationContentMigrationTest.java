package icp.filing.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import icp.filing.application.port.Applications;
import icp.filing.domain.application.Actor;
import icp.filing.domain.application.Application;
import icp.filing.domain.application.ApplicationId;
import icp.filing.domain.application.ApplicationState;
import icp.filing.domain.application.HistoryChain;
import icp.filing.domain.application.ReturnReason;
import icp.filing.domain.application.Transition;
import icp.filing.domain.material.MaterialRef;
import icp.filing.domain.service.App;
import icp.filing.domain.service.Website;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Applications as the build of V21 stored them — what each asks for as lines of text in its row (a tag, tab-separated
 * values, backslash escapes, backslash-N for NULL), its history as text beside the chain — in every state, with
 * Chinese text, tabs, line breaks, backslashes, double quotes and NULLs: V23 turns the content into JSON and drops the
 * history's copy, and every application loads as it was, its chain intact.
 */
class ApplicationContentMigrationTest {
    private static final String TAB = "\t";
    /** A value with everything the text format escapes, as the V21 code wrote it, and as it reads. */
    private static final String TRICKY_WRITTEN = "说明\\t一\\\\二\\n\"三\"";
    private static final String TRICKY = "说明\t一\\二\n\"三\"";

    private record Stored(String id, ApplicationState state, List<Transition> history) {
    }

    @Test
    void everyStateOfAV21ApplicationLoadsAsItWasAfterV23() throws Exception {
        Path dir = Files.createTempDirectory("icp-migration-v21-").resolve("mariadb");
        EmbeddedMariaDb.Server server = EmbeddedMariaDb.start(dir, "icp_filing", false);
        try {
            Flyway.configure().dataSource(server.url(), server.username(), server.password())
                    .locations("classpath:db/migration").target("22").load().migrate();
            List<Stored> stored = new ArrayList<>();
            try (Connection c = DriverManager.getConnection(server.url(), server.username(), server.password())) {
                int n = 0;
                for (ApplicationState state : List.of(ApplicationState.AWAITING_SMS_CONFIRMATION,
                        ApplicationState.IN_REVIEW, ApplicationState.APPROVED, ApplicationState.RETURNED,
                        ApplicationState.WITHDRAWN)) {
                    stored.add(write(c, ++n, state));
                }
            }
            Flyway.configure().dataSource(server.url(), server.username(), server.password())
                    .locations("classpath:db/migration").load().migrate();

            try (ApplicationContext context = MigrationTest.provinceNode(server)) {
                Applications applications = context.getBean(Applications.class);
                for (Stored s : stored) {
                    Application loaded = applications.find(new ApplicationId(s.id())).orElseThrow();
                    assertEquals(s.state(), loaded.state(), s.id());
                    assertEquals(s.history(), loaded.history(), "the history, from the chain");
                    assertEquals(s.history().size(), HistoryChain.verify(applications.history(loaded.id()))
                            .entries());
                    assertTrue(HistoryChain.verify(applications.history(loaded.id())).intact());
                    assertContent(loaded);
                }
            }
        } finally {
            MigrationTest.stopAndDelete(dir);
        }
    }

    private static void assertContent(Application loaded) {
        assertEquals("北京迁移" + loaded.id().value().substring(35) + "科技（北京）有限公司", loaded.subject().name());
        Website website = (Website) loaded.services().get(0);
        assertEquals("网站" + TRICKY, website.name());
        assertEquals(List.of("example-v21.cn", "www.example-v21.cn"),
                website.domains().stream().map(d -> d.ascii()).toList());
        assertEquals("http://example-v21.cn/", website.homeUrl());
        assertEquals(LocalDate.parse("2035-06-30"), website.principal().certificateValidUntil());
        assertEquals(List.of("203.0.113.10", "203.0.113.11"),
                website.access().ipAddresses().stream().map(ip -> ip.value()).toList());
        assertEquals("11", website.access().serverLocation().code());
        assertEquals(List.of(1, 2), website.content().categories().stream().map(c -> c.code()).toList());
        assertEquals(List.of("zh-Hans", "en"), website.content().languages().stream().map(l -> l.code()).toList());
        assertEquals(TRICKY, website.content().preApprovals().get(0).authority());
        assertEquals("京网信\t001", website.content().preApprovals().get(0).approvalNumber());
        App app = (App) loaded.services().get(1);
        assertEquals("cn.example.v21", app.packageName().value());
        assertEquals("AABBCCDDEEFF00112233445566778899", app.signingFingerprint().hex());
        assertEquals(null, app.principal().certificateValidUntil(), "长期: NULL");
        assertEquals(null, app.access().serverLocation());
        assertEquals(List.of(), app.content().categories());
        assertEquals(List.of(), app.content().preApprovals());
        assertEquals(Arrays.asList(null, 0, 1), loaded.materials().stream().map(MaterialRef::servicePosition).toList());
    }

    /** One application in {@code state}, its rows as the V21 code wrote them. */
    private static Stored write(Connection c, int n, ApplicationState state) throws Exception {
        String id = "00000000-0000-0000-0000-0000000002%02d".formatted(n);
        List<Transition> history = history(state);
        String material = "00000000-0000-0000-0000-0000000003%02d".formatted(n);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO material (id, provider_id, kind, format, "
                + "size_bytes, sha256, uploaded_at, content) VALUES (?, 'demo-cloud', 'SUBJECT_CERTIFICATE', 'PDF', 1, "
                + "REPEAT('0', 64), '2025-06-01 01:00:00', 'x')")) {
            ps.setString(1, material);
            ps.executeUpdate();
        }
        String content = String.join("\n",
                line("s", "0", "WEBSITE", "网站" + TRICKY_WRITTEN, "example-v21.cn,www.example-v21.cn",
                        "http://example-v21.cn/", "\\N", "\\N", "\\N", "李四", "101", "110101199001010015", "2035-06-30",
                        "13900139000", "lisi@example.cn", "4", "203.0.113.10,203.0.113.11", "11", "1,2", "zh-Hans,en"),
                line("s", "1", "APP", "应用", "\\N", "\\N", "ANDROID", "cn.example.v21",
                        "AABBCCDDEEFF00112233445566778899", "王五", "101", "11010519491231002X", "\\N", "13700137000",
                        "wangwu@example.cn", "4", "203.0.113.12", "\\N", "", ""),
                line("p", "0", "NEWS", TRICKY_WRITTEN, "京网信\\t001", material),
                line("m", "\\N", "SUBJECT_CERTIFICATE", material),
                line("m", "0", "SERVICE_PRINCIPAL_ID", material),
                line("m", "1", "SERVICE_PRINCIPAL_ID", material)) + "\n";
        StringBuilder historyText = new StringBuilder();
        List<Object[]> transitions = new ArrayList<>();
        String previous = "";
        for (int seq = 0; seq < history.size(); seq++) {
            Transition t = history.get(seq);
            String hash = HistoryChain.hash(previous, t);
            String reasons = t.reasons().isEmpty() ? null
                    : String.join(",", t.reasons().stream().map(Enum::name).toList());
            java.time.LocalDateTime at = java.time.LocalDateTime.ofInstant(t.at(), java.time.ZoneOffset.UTC);
            transitions.add(new Object[] {id, seq, t.from() == null ? null : t.from().name(), t.to().name(),
                t.actor().kind().name(), t.actor().id(), at, reasons, t.comment(), previous, hash});
            historyText.append(line("t", Integer.toString(seq), t.from() == null ? "\\N" : t.from().name(),
                    t.to().name(), t.actor().kind().name(), t.actor().id(),
                    at.toString().replace('T', ' ') + ".000000", reasons == null ? "\\N" : reasons,
                    t.comment() == null ? "\\N" : TRICKY_WRITTEN, previous, hash)).append('\n');
            previous = hash;
        }
        boolean open = state.isOpen();
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO application (id, provider_id, request_id, request_digest, operation, target_number, state,
                    province_code, subject_nature, subject_name, subject_certificate_type, subject_certificate_number,
                    subject_certificate_valid_until, subject_key, subject_address, principal_name,
                    principal_certificate_type, principal_certificate_number, principal_certificate_valid_until,
                    principal_phone, principal_email, subject_number, service_numbers, submitted_at, queued_at,
                    open_subject_key, content, history, version)
                VALUES (?, 'demo-cloud', NULL, NULL, 'NEW_FILING', NULL, ?, '11', 4, ?, 1, ?, NULL, ?, ?, '张三', 101,
                    '11010519491231002X', NULL, '13800138000', 'zhang@example.cn', ?, ?, '2025-06-01 02:00:00', ?, ?,
                    ?, ?, ?)""")) {
            String subjectKey = "UNIT:MIGRATE" + n;
            boolean approved = state == ApplicationState.APPROVED;
            Object[] values = {id, state.name(), "北京迁移" + id.substring(35) + "科技（北京）有限公司",
                "91110108MA01MIG" + n + "0X", subjectKey, "北京市" + TRICKY, approved ? "京ICP备2025000" + n + "01号" : null,
                approved ? "京ICP备2025000" + n + "01号-1,京ICP备2025000" + n + "01号-2A" : null,
                state == ApplicationState.AWAITING_SMS_CONFIRMATION ? null : "2025-06-01 02:00:01",
                open ? subjectKey : null, content, historyText.toString(), history.size()};
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO application_transition (application_id, seq, "
                + "from_state, to_state, actor_kind, actor_id, at, reasons, comment, prev_hash, hash) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Object[] values : transitions) {
                for (int i = 0; i < values.length; i++) {
                    ps.setObject(i + 1, values[i]);
                }
                ps.executeUpdate();
            }
        }
        return new Stored(id, state, history);
    }

    private static String line(String... values) {
        return String.join(TAB, values);
    }

    /** The transitions that bring a new filing to {@code state}, the comments with every escaped character. */
    private static List<Transition> history(ApplicationState state) {
        Instant t0 = Instant.parse("2025-06-01T02:00:00Z");
        Actor provider = Actor.provider(new icp.filing.domain.application.ProviderId("demo-cloud"));
        Actor reviewer = Actor.reviewer("bj-reviewer");
        List<Transition> history = new ArrayList<>(List.of(
                new Transition(null, ApplicationState.SUBMITTED, provider, t0, List.of(), null),
                new Transition(ApplicationState.SUBMITTED, ApplicationState.AWAITING_SMS_CONFIRMATION, Actor.system(),
                        t0, List.of(), null)));
        if (state == ApplicationState.AWAITING_SMS_CONFIRMATION) {
            return history;
        }
        history.add(new Transition(ApplicationState.AWAITING_SMS_CONFIRMATION, ApplicationState.IN_REVIEW,
                Actor.system(), t0.plusSeconds(1), List.of(), null));
        switch (state) {
            case APPROVED -> history.add(new Transition(ApplicationState.IN_REVIEW, ApplicationState.APPROVED, reviewer,
                    t0.plusSeconds(60), List.of(), null));
            case RETURNED -> history.add(new Transition(ApplicationState.IN_REVIEW, ApplicationState.RETURNED, reviewer,
                    t0.plusSeconds(60), List.of(ReturnReason.DOMAIN_HOLDER_MISMATCH, ReturnReason.UNACCEPTABLE_SERVICE_NAME),
                    TRICKY));
            case WITHDRAWN -> history.add(new Transition(ApplicationState.IN_REVIEW, ApplicationState.WITHDRAWN,
                    provider, t0.plusSeconds(60), List.of(), TRICKY));
            default -> { }
        }
        return history;
    }
}
