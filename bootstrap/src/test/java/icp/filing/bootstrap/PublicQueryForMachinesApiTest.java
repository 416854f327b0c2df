package icp.filing.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.Connection;
import javax.sql.DataSource;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The public query for machines: a batch of up to 100 domains, URLs or numbers answered item by item; answers with
 * an ETag that a repeated query turns into 304; a token bucket per client address instead of a captcha.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Property(name = "icp.public.rate-limit.capacity", value = "120")
@Property(name = "icp.public.rate-limit.per-second", value = "1")
// every query reads the database: the read model's fallback is tested below (PublicAnswerCacheApiTest: the cache)
@Property(name = "icp.public.cache.ttl", value = "0s")
class PublicQueryForMachinesApiTest extends ApiTestSupport {
    @Inject
    DataSource dataSource;
    private static final String BATCH = "/api/v1/public/filings:batchLookup";

    @SuppressWarnings("unchecked")
    @Test
    @Order(1)
    void aBatchAnswersEachItemInOrderAndARepeatedQueryIsNotModified() throws Exception {
        String domain = TestFilings.uniqueLabel() + ".com.cn";
        String number = (String) approve(submit(TestFilings.unitFiling("北京" + TestFilings.uniqueLabel() + "有限公司",
                domain)).getId()).get("subjectNumber");
        String unfiled = TestFilings.uniqueLabel() + ".cn";

        ApiClients.Response single = clients.get("/api/v1/public/filings?q=" + ApiClients.query(number), null);
        assertEquals(200, single.status());
        String etag = single.headers().firstValue("ETag").orElseThrow();
        assertTrue(single.headers().firstValue("Cache-Control").orElseThrow().contains("max-age"));
        HttpResponse<String> again = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                httpServer.getURI() + "/api/v1/public/filings?q=" + ApiClients.query(number)))
                .header("If-None-Match", etag).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(304, again.statusCode());
        assertEquals("", again.body());

        ApiClients.Response batch = clients.post(BATCH, null, "{\"items\":[\"https://www." + domain
                + "/about\",\"" + unfiled + "\",\"not a domain\",\"" + number + "-1\"]}");
        assertEquals(200, batch.status(), batch.body());
        List<Map<String, Object>> results = (List<Map<String, Object>>) batch.object().get("results");
        assertEquals(List.of("FOUND", "NOT_FILED", "INVALID", "FOUND"),
                results.stream().map(r -> r.get("outcome")).toList());
        assertEquals(number + "-1", ((List<Map<String, Object>>) results.get(0).get("filings")).get(0)
                .get("serviceNumber"));
        assertEquals("INVALID_FORMAT", results.get(2).get("reason"));
        assertEquals("not a domain", results.get(2).get("item"));

        String tooMany = "{\"items\":[" + String.join(",", java.util.Collections.nCopies(101, "\"a.cn\"")) + "]}";
        ApiClients.Response refused = clients.post(BATCH, null, tooMany);
        assertEquals(400, refused.status());
        assertTrue(refused.body().contains("TOO_MANY"), refused.body());
    }

    /**
     * The answer kept beside a filed domain (the read model) is the answer the register's tables give: with it
     * removed, as on rows written before it existed, the query answers byte for byte the same (equal ETags).
     */
    @Test
    @Order(2)
    void theAnswerKeptBesideADomainIsTheAnswerOfTheRegistersTables() throws Exception {
        String domain = TestFilings.uniqueLabel() + ".com.cn";
        String name = "北京" + TestFilings.uniqueLabel() + "有限公司";
        var request = TestFilings.unitFiling(name, domain);
        request = request.toBuilder().setNewFiling(request.getNewFiling().toBuilder()
                .addServices(TestFilings.website(name + "论坛", "bbs." + domain))
                .addServices(TestFilings.app(name + "应用", "cn.example." + TestFilings.uniqueLabel()))).build();
        approve(submit(request).getId());
        String url = "/api/v1/public/filings?q=" + ApiClients.query("https://www." + domain + "/a");
        ApiClients.Response kept = clients.get(url, null);
        assertEquals(200, kept.status(), kept.body());
        assertEquals(2, kept.list().size(), kept.body());

        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            c.setAutoCommit(true);
            assertEquals(1, c.createStatement().executeUpdate(
                    "UPDATE national_domain SET answer = NULL WHERE live_domain = '" + domain + "'"));
        }
        ApiClients.Response joined = clients.get(url, null);
        assertEquals(kept.body(), joined.body());
        assertEquals(kept.headers().firstValue("ETag"), joined.headers().firstValue("ETag"));

        // an answer that cannot be read (damaged, or of a later format) is not served: the tables are
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            c.setAutoCommit(true);
            assertEquals(1, c.createStatement().executeUpdate(
                    "UPDATE national_domain SET answer = '9;1;garbage' WHERE live_domain = '" + domain + "'"));
        }
        assertEquals(kept.body(), clients.get(url, null).body());
        ApiClients.Response batch = clients.post(BATCH, null, "{\"items\":[\"" + domain + "\"]}");
        assertTrue(batch.body().contains("\"FOUND\""), batch.body());
        assertTrue(batch.body().contains(name + "论坛"), batch.body());
    }

    /** Runs last: it empties the address's bucket, which the whole class shares. */
    @Test
    @Order(3)
    void anAddressThatUsedUpItsTokensWaitsAndABatchItemCostsOne() {
        String hundred = "{\"items\":[" + String.join(",", java.util.Collections.nCopies(100, "\"a.cn\"")) + "]}";
        ApiClients.Response first = clients.post(BATCH, null, hundred);
        assertEquals(200, first.status(), "100 of the bucket's tokens: " + first.body());
        ApiClients.Response second = clients.post(BATCH, null, hundred);
        assertEquals(429, second.status(), "120 tokens do not pay for 200 items (first: " + first.status() + ")");
        assertTrue(second.body().contains("RATE_LIMITED"));
        long retryAfter = Long.parseLong(second.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 120, "Retry-After " + retryAfter);
        for (int i = 0; i < 30; i++) {
            clients.get("/api/v1/public/filings?q=a.cn", null);
        }
        assertEquals(429, clients.get("/api/v1/public/filings?q=a.cn", null).status(),
                "single queries draw on the same bucket");
    }
}
