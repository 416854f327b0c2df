package icp.filing.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import icp.filing.proto.provider.v1.ListApplicationsRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Operators scrape the metrics the README names, in Prometheus' format, without credentials. */
@MicronautTest(transactional = false)
class MetricsApiTest extends ApiTestSupport {
    @Test
    void thePrometheusEndpointCarriesRoutesRpcsThePoolTheOutboxAndTheQueues() throws Exception {
        clients.provider(ApiClients.DEMO_KEY).listApplications(ListApplicationsRequest.getDefaultInstance());
        clients.get("/api/v1/public/filings?q=example.cn", null);
        clients.get("/api/v1/public/filings?q=www.example.cn", null);

        java.net.http.HttpResponse<String> scraped = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(httpServer.getURI() + "/prometheus")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertEquals(200, scraped.statusCode(), scraped.body());
        for (String metric : List.of("http_server_requests_seconds_count", "grpc_server_processing_duration_seconds",
                "hikaricp_connections_active", "icp_outbox_pending{channel=\"sms\"",
                "icp_outbox_oldest_age_seconds{channel=\"ministry_upload\"", "icp_review_queue{province=\"11\"")) {
            assertTrue(scraped.body().contains(metric), metric + " missing");
        }
        assertTrue(scraped.body().contains("uri=\"/api/v1/public/filings\""), "routes by template, not by query");
        assertTrue(scraped.body().contains("method=\"ListApplications\""), "RPCs by method");
        java.util.regex.Matcher hits = java.util.regex.Pattern.compile(
                "cache_gets_total\\{cache=\"public_answers\",result=\"hit\"} (\\d+)").matcher(scraped.body());
        assertTrue(hits.find(), "public answer cache hits missing");
        assertTrue(Double.parseDouble(hits.group(1)) >= 1, "the second query was answered from memory");
        assertTrue(scraped.body().contains("cache_size{cache=\"public_answers\"}"));
    }
}
