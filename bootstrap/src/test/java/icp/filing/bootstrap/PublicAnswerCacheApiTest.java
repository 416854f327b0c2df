package icp.filing.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import icp.filing.application.port.OutboxMessage;
import io.micronaut.context.annotation.Property;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Public answers kept in memory (a minute here, so that only invalidation can explain a fresh answer): a domain asked
 * before it was filed is found as soon as its filing reaches the national register, by the single and the batch
 * query alike; and what is kept is what is served, even when the table was changed behind the register's back.
 */
@MicronautTest(transactional = false)
@Property(name = "icp.public.cache.ttl", value = "1m")
class PublicAnswerCacheApiTest extends ApiTestSupport {
    private static final String BATCH = "/api/v1/public/filings:batchLookup";

    @Inject
    DataSource dataSource;

    @Test
    void aDomainAskedBeforeItWasFiledIsFoundOnceFiled() {
        String domain = TestFilings.uniqueLabel() + ".com.cn";
        String single = "/api/v1/public/filings?q=" + ApiClients.query("www." + domain);
        assertEquals("[]", clients.get(single, null).body());
        assertTrue(clients.post(BATCH, null, "{\"items\":[\"" + domain + "\"]}").body().contains("NOT_FILED"));

        approve(submit(TestFilings.unitFiling("北京" + TestFilings.uniqueLabel() + "有限公司", domain)).getId());
        RecordingSmsCentre.settle(context, OutboxMessage.Channel.MINISTRY_UPLOAD);

        ApiClients.Response found = clients.get(single, null);
        assertEquals(1, found.list().size(), found.body());
        String batch = clients.post(BATCH, null, "{\"items\":[\"" + domain + "\"]}").body();
        assertTrue(batch.contains("\"FOUND\""), batch);
    }

    @Test
    void aKeptAnswerIsServedUntilTheRegisterChanges() throws Exception {
        String domain = TestFilings.uniqueLabel() + ".com.cn";
        approve(submit(TestFilings.unitFiling("北京" + TestFilings.uniqueLabel() + "有限公司", domain)).getId());
        RecordingSmsCentre.settle(context, OutboxMessage.Channel.MINISTRY_UPLOAD);
        String single = "/api/v1/public/filings?q=" + ApiClients.query(domain);
        String kept = clients.get(single, null).body();
        assertTrue(kept.contains(domain), kept);

        // behind the register's back (as another node's change would be): this node answers from memory
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            c.setAutoCommit(true);
            assertEquals(1, c.createStatement().executeUpdate(
                    "UPDATE national_domain SET live_domain = NULL WHERE live_domain = '" + domain + "'"));
        }
        assertEquals(kept, clients.get(single, null).body());
        String batch = clients.post(BATCH, null, "{\"items\":[\"www." + domain + "\",\"not a domain\"]}").body();
        assertTrue(batch.contains("\"FOUND\"") && batch.contains("\"INVALID\""), "a batch from memory too: " + batch);

        // any change of the national register through this node drops what was kept
        approve(submit(TestFilings.unitFiling("北京" + TestFilings.uniqueLabel() + "有限公司",
                TestFilings.uniqueLabel() + ".com.cn")).getId());
        RecordingSmsCentre.settle(context, OutboxMessage.Channel.MINISTRY_UPLOAD);
        assertEquals("[]", clients.get(single, null).body());
        assertTrue(clients.post(BATCH, null, "{\"items\":[\"" + domain + "\"]}").body().contains("NOT_FILED"));
    }
}
