package icp.filing.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The REST API is described for the teams that write bureau frontends: the OpenAPI document lists every route the
 * running server has, says that errors are problem+json with a reason, and is served with a browsable UI, without
 * credentials.
 */
@MicronautTest(transactional = false)
class OpenApiTest extends ApiTestSupport {
    @Inject
    Router router;

    @Test
    void everyRouteOfTheServerIsInTheDocument() {
        var response = clients.download("/swagger/icp-filing-1.yml", null);
        assertEquals(200, response.statusCode());
        String document = new String(response.body(), StandardCharsets.UTF_8);
        List<UriRouteInfo<?, ?>> routes = router.uriRoutes()
                .filter(r -> r.getUriMatchTemplate().toString().startsWith("/api/"))
                .filter(r -> !r.getHttpMethodName().equals("HEAD")).toList();  // HEAD comes with every GET
        assertTrue(routes.size() >= 17, routes.toString());
        for (UriRouteInfo<?, ?> route : routes) {
            String path = route.getUriMatchTemplate().toString().replaceAll("\\{([^}/?]+)[^}]*}", "{$1}");
            int at = document.indexOf("\n  " + path + ":\n");
            assertTrue(at >= 0, "missing from the OpenAPI document: " + path);
            int next = document.indexOf("\n  /", at + 1);
            String block = document.substring(at, next < 0 ? document.indexOf("\ncomponents:") : next);
            assertTrue(block.contains("\n    " + route.getHttpMethodName().toLowerCase() + ":"),
                    "missing from the OpenAPI document: " + route.getHttpMethodName() + " " + path);
        }
        assertTrue(document.contains("application/problem+json"));
        assertTrue(document.contains("Problem:"), "the error schema");
        for (icp.filing.domain.error.Reason reason : icp.filing.domain.error.Reason.values()) {
            assertTrue(document.contains("- " + reason.name() + "\n"), "reason code missing: " + reason);
        }
    }

    @Test
    void theBrowsableUiIsServed() {
        var ui = clients.download("/swagger-ui/index.html", null);
        assertEquals(200, ui.statusCode());
        assertTrue(new String(ui.body(), StandardCharsets.UTF_8).contains("/swagger/icp-filing-1.yml"));
        assertEquals(200, clients.download("/swagger-ui/res/swagger-ui-bundle.js", null).statusCode());
    }
}
