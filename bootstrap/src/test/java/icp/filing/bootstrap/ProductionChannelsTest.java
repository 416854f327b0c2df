package icp.filing.bootstrap;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import icp.filing.adapters.notification.LogSmsCentre;
import icp.filing.adapters.notification.SmppSmsCentre;
import icp.filing.adapters.notification.SmsCentre;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * On an external database (production) SMS codes are never silently logged: without an SMS centre, or without a mail
 * server, the system refuses to start and says what to configure.
 */
class ProductionChannelsTest {
    private static Map<String, Object> external() {
        // the suite's server, reached as any external MariaDB would be: by its JDBC URL
        EmbeddedMariaDb.Server server = EmbeddedMariaDb.start(Path.of("target/mariadb-test"), "icp_production", true);
        return new HashMap<>(Map.of("datasources.default.url", server.url(),
                "datasources.default.username", server.username(), "datasources.default.password",
                server.password()));
    }

    @Test
    void noSmsCentreOnAnExternalDatabaseRefusesToStart() {
        Map<String, Object> properties = external();
        properties.put("icp.mail.host", "127.0.0.1");
        properties.put("icp.mail.from", "beian@icp.example.cn");
        Throwable refused = assertThrows(RuntimeException.class, () -> ApplicationContext.run(properties, "test"));
        assertTrue(chain(refused).contains("no SMS centre configured"), chain(refused));
        assertTrue(chain(refused).contains("icp.sms.centre.host"), "it says what to set");
    }

    @Test
    void noMailServerOnAnExternalDatabaseRefusesToStart() {
        Map<String, Object> properties = external();
        properties.put("icp.sms.centre.host", "127.0.0.1");
        properties.put("icp.sms.centre.system-id", "icp");
        properties.put("icp.sms.centre.source-address", "10690000");
        Throwable refused = assertThrows(RuntimeException.class, () -> ApplicationContext.run(properties, "test"));
        assertTrue(chain(refused).contains("no mail server configured"), chain(refused));
    }

    @Test
    void bothConfiguredItStartsWithTheSmppCentreAndTheLogSinksOnlyWhenAskedFor() {
        Map<String, Object> properties = external();
        properties.put("icp.sms.centre.host", "127.0.0.1");
        properties.put("icp.sms.centre.system-id", "icp");
        properties.put("icp.sms.centre.source-address", "10690000");
        properties.put("icp.mail.host", "127.0.0.1");
        properties.put("icp.mail.from", "beian@icp.example.cn");
        try (ApplicationContext context = ApplicationContext.run(properties, "test")) {
            assertTrue(context.getBean(SmsCentre.class) instanceof SmppSmsCentre);
        }
        Map<String, Object> staging = external();
        staging.put("icp.sms.log-sink", "true");
        staging.put("icp.mail.log-sink", "true");
        try (ApplicationContext context = ApplicationContext.run(staging, "test")) {
            assertNotNull(context.getBean(LogSmsCentre.class), "the operator said the log may have the codes");
        }
    }

    private static String chain(Throwable e) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append(" | ");
        }
        return messages.toString();
    }
}
