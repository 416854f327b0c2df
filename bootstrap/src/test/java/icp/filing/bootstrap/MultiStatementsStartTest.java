package icp.filing.bootstrap;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The writes send several statements in one round trip, which the system turns on for every datasource; an operator's
 * JDBC URL that turns it off wins over that, so the start is refused and says what to change, instead of every write
 * failing later.
 */
class MultiStatementsStartTest {
    @Test
    void aJdbcUrlThatTurnsMultiStatementsOffRefusesToStartAndSaysWhy() {
        EmbeddedMariaDb.Server server = EmbeddedMariaDb.start(Path.of("target/mariadb-test"), "icp_multi_off", true);
        String url = server.url() + (server.url().contains("?") ? "&" : "?") + "allowMultiQueries=false";
        Map<String, Object> properties = new HashMap<>(Map.of("datasources.default.url", url,
                "datasources.default.username", server.username(), "datasources.default.password", server.password(),
                "icp.sms.log-sink", "true", "icp.mail.log-sink", "true",
                "icp.sms.code-key", Base64.getEncoder().encodeToString(new byte[32])));
        String refused = ProductionChannelsTest.chain(RefusedStarts.refused(properties));
        assertTrue(refused.contains("do not take several statements at once"), refused);
        assertTrue(refused.contains("allowMultiQueries=false"), "it says what to remove: " + refused);

        // the same URL without it starts
        properties.put("datasources.default.url", server.url());
        try (var context = io.micronaut.context.ApplicationContext.run(properties, "test")) {
            assertTrue(context.isRunning());
        }
    }
}
