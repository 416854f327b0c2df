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

    @Inject
    @jakarta.inject.Named(io.micronaut.scheduling.TaskExecutors.BLOCKING)
    java.util.concurrent.ExecutorService blocking;

    @io.micronaut.context.annotation.Value("${micronaut.executors.blocking.number-of-threads}")
    int threads;

    /**
     * A domain in memory is answered on the event loop: with every thread of the blocking pool held, it is answered
     * at once, while a domain never asked waits for a thread of the pool (its database read).
     */
    @Test
    void aDomainInMemoryIsAnsweredWithoutTheBlockingPool() throws Exception {
        String domain = filedDomain();
        String kept = "/api/v1/public/filings?q=" + ApiClients.query(domain);
        assertTrue(clients.get(kept, null).body().contains(domain));

        java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(threads);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        for (int i = 0; i < threads; i++) {
            blocking.execute(() -> {
                held.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        try {
            assertTrue(held.await(10, java.util.concurrent.TimeUnit.SECONDS), "the pool's threads are held");
            java.net.http.HttpResponse<String> fromMemory = http.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(httpServer.getURI() + kept)).timeout(java.time.Duration.ofSeconds(5)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, fromMemory.statusCode());
            assertTrue(fromMemory.body().contains(domain), fromMemory.body());

            var neverAsked = http.sendAsync(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                    httpServer.getURI() + "/api/v1/public/filings?q=" + TestFilings.uniqueLabel() + ".cn")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            Thread.sleep(500);
            assertTrue(!neverAsked.isDone(), "a domain not in memory waits for the blocking pool");
            release.countDown();
            assertEquals("[]", neverAsked.get(10, java.util.concurrent.TimeUnit.SECONDS).body());
        } finally {
            release.countDown();
        }
    }

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
        String domain = filedDomain();
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
        filedDomain();
        assertEquals("[]", clients.get(single, null).body());
        assertTrue(clients.post(BATCH, null, "{\"items\":[\"" + domain + "\"]}").body().contains("NOT_FILED"));
    }

    /** A new domain, filed and uploaded to the national register (which empties what memory kept). */
    private String filedDomain() {
        String domain = TestFilings.uniqueLabel() + ".com.cn";
        approve(submit(TestFilings.unitFiling("北京" + TestFilings.uniqueLabel() + "有限公司", domain)).getId());
        RecordingSmsCentre.settle(context, OutboxMessage.Channel.MINISTRY_UPLOAD);
        return domain;
    }
}
