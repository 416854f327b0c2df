package icp.filing.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import icp.filing.proto.provider.v1.Application;
import icp.filing.application.port.Applications;
import icp.filing.domain.application.ApplicationId;
import icp.filing.domain.application.ApplicationState;
import icp.filing.proto.provider.v1.GetApplicationRequest;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What is stored keeps its meaning: times are UTC instants whatever zone the JVM runs in. */
@MicronautTest(transactional = false)
class StoredDataTest extends ApiTestSupport {
    private static final TimeZone ORIGINAL = TimeZone.getDefault();

    private static final int READERS = 3;

    @Inject
    DataSource dataSource;
    @Inject
    Applications applications;

    @AfterEach
    void restoreZone() {
        TimeZone.setDefault(ORIGINAL);
    }

    @Test
    void timesWrittenUnderOneZoneReadTheSameUnderAnother() throws Exception {
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Shanghai"));
        String label = TestFilings.uniqueLabel();
        Application submitted = submit(TestFilings.unitFiling("北京" + label + "科技有限公司", label + ".cn"));
        Instant submittedAt = instant(submitted.getSubmittedAt());

        // the column holds UTC wall time, not Shanghai's
        assertEquals(LocalDateTime.ofInstant(submittedAt, ZoneOffset.UTC), storedSubmittedAt(submitted.getId()));

        TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
        Application reread = clients.provider(ApiClients.DEMO_KEY)
                .getApplication(GetApplicationRequest.newBuilder().setApplicationId(submitted.getId()).build())
                .getApplication();
        assertEquals(submittedAt, instant(reread.getSubmittedAt()));
        assertEquals(instant(submitted.getHistory(0).getAt()), instant(reread.getHistory(0).getAt()));
    }

    @Test
    void aReadDuringAnApprovalSeesTheApplicationBeforeOrAfterItNeverAMix() throws Exception {
        List<ApplicationId> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String label = TestFilings.uniqueLabel();
            ids.add(new ApplicationId(submit(TestFilings.unitFiling("北京" + label + "科技有限公司", label + ".cn"))
                    .getId()));
        }
        List<String> mixed = new CopyOnWriteArrayList<>();
        AtomicBoolean approving = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(READERS);
        try {
            List<Future<?>> readers = new ArrayList<>();
            for (int r = 0; r < READERS; r++) {
                readers.add(pool.submit(() -> {
                    while (approving.get()) {
                        for (ApplicationId id : ids) {
                            readConsistently(id, mixed);
                        }
                    }
                }));
            }
            for (ApplicationId id : ids) {
                approve(id.value());
            }
            approving.set(false);
            for (Future<?> reader : readers) {
                reader.get(30, TimeUnit.SECONDS);
            }
        } finally {
            approving.set(false);
            pool.shutdownNow();
        }
        assertEquals(List.of(), mixed);
    }

    /** Through the port itself, as every use case reads: state, history and numbers must tell one story. */
    private void readConsistently(ApplicationId id, List<String> mixed) {
        try {
            var seen = applications.find(id).orElseThrow();
            var last = seen.history().get(seen.history().size() - 1).to();
            if (last != seen.state() || seen.subjectNumber().isPresent() != (last == ApplicationState.APPROVED)) {
                mixed.add(id + ": state " + seen.state() + ", history ends " + last);
            }
        } catch (RuntimeException e) {
            mixed.add(id + ": " + e);
        }
    }

    @Test
    void anApplicationTodaysRulesWouldRefuseStillLoadsAndIsDecided() throws Exception {
        String label = TestFilings.uniqueLabel();
        var request = TestFilings.unitFiling("北京" + label + "有限公司", label + ".cn").toBuilder();
        request.getNewFilingBuilder().getServicesBuilder(0).addContentCategories(1).addLanguages("zh-Hans");
        String id = submit(request.build()).getId();
        // as if accepted under older rules: a withdrawn content category and language; a phone, an e-mail address
        // and an IP address today's formats refuse
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement application = c.prepareStatement(
                     "UPDATE application SET principal_phone = '10000000000', principal_email = 'legacy' WHERE id = ?");
             PreparedStatement service = c.prepareStatement("""
                     UPDATE application SET content = JSON_SET(content,
                         '$.services[0].access.ipAddresses', JSON_ARRAY('203.0.113.999'),
                         '$.services[0].contentCategories', JSON_ARRAY(999),
                         '$.services[0].languages', JSON_ARRAY('tlh')) WHERE id = ?""")) {
            application.setString(1, id);
            assertEquals(1, application.executeUpdate());
            // the service's access IPs, content categories and languages in the content's JSON (StoredContent)
            service.setString(1, id);
            assertEquals(1, service.executeUpdate());
        }

        assertEquals(id, clients.provider(ApiClients.DEMO_KEY).getApplication(GetApplicationRequest.newBuilder()
                .setApplicationId(id).build()).getApplication().getId());
        ApiClients.Response full = clients.get("/api/v1/bureau/applications/" + id, "bj-reviewer");
        assertEquals(200, full.status(), full.body());
        assertTrue(full.body().contains("已停用的类别 999"), full.body());
        assertEquals(200, clients.post("/api/v1/bureau/applications/" + id + "/approve", "bj-reviewer", "").status());
    }

    private LocalDateTime storedSubmittedAt(String id) throws Exception {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT CAST(submitted_at AS CHAR) FROM application WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return LocalDateTime.parse(rs.getString(1).replace(' ', 'T'));
            }
        }
    }

    private static Instant instant(com.google.protobuf.Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }
}
