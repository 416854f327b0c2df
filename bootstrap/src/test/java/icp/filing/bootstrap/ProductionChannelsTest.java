package icp.filing.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import icp.filing.adapters.notification.LogSmsCentre;
import icp.filing.adapters.notification.SmppSmsCentre;
import icp.filing.adapters.notification.SmsCentre;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import icp.filing.domain.verification.CodeKey;
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
                server.password(), "icp.sms.code-key", Base64.getEncoder().encodeToString(new byte[32])));
    }

    /** An external database with messages to the log (no SMS centre needed) and no SMS code key. */
    private static Map<String, Object> externalWithoutCodeKey() {
        Map<String, Object> properties = external();
        properties.remove("icp.sms.code-key");
        properties.put("icp.sms.log-sink", "true");
        properties.put("icp.mail.log-sink", "true");
        return properties;
    }

    @Test
    void noSmsCodeKeyOnAnExternalDatabaseRefusesToStart() {
        Map<String, Object> properties = externalWithoutCodeKey();
        Throwable refused = RefusedStarts.refused(properties);
        assertTrue(chain(refused).contains("no SMS code key configured"), chain(refused));
        assertTrue(chain(refused).contains("icp.sms.code-key"), "it says what to set");

        properties.put("icp.sms.code-key", Base64.getEncoder().encodeToString(new byte[16]));
        refused = RefusedStarts.refused(properties);
        assertTrue(chain(refused).contains("at least 32 bytes"), chain(refused));
    }

    /** A ministry node issues no codes: it starts on an external database without a key of the operator's. */
    @Test
    void aMinistryNodeNeedsNoSmsCodeKey() {
        Map<String, Object> properties = externalWithoutCodeKey();
        properties.put("icp.node.role", "ministry");
        try (ApplicationContext context = ApplicationContext.run(properties, "test")) {
            assertNotNull(context.getBean(CodeKey.class));
        }
    }

    /** The embedded default keeps the key it generated beside its data, owner-only, so codes outlive a restart. */
    @Test
    void theEmbeddedDefaultKeepsItsGeneratedCodeKeyAcrossARestart() throws Exception {
        Path dir = Path.of("target/mariadb-code-key");
        Map<String, Object> properties = Map.of("icp.embedded-db.data-dir", dir.toString(),
                "icp.embedded-db.stop-with-context", false);
        CodeKey first;
        try (ApplicationContext context = ApplicationContext.run(properties, "test")) {
            first = context.getBean(CodeKey.class);
        }
        try (ApplicationContext context = ApplicationContext.run(properties, "test")) {
            assertEquals(first, context.getBean(CodeKey.class));
        }
        Path file = dir.toAbsolutePath().normalize().resolve(CodeKeyFactory.FILE);
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                java.nio.file.Files.getPosixFilePermissions(file)));
        assertNotEquals(new CodeKey(new byte[32]), first, "generated, not a constant");
    }

    @Test
    void noSmsCentreOnAnExternalDatabaseRefusesToStart() {
        Map<String, Object> properties = external();
        properties.put("icp.mail.host", "127.0.0.1");
        properties.put("icp.mail.from", "beian@icp.example.cn");
        Throwable refused = RefusedStarts.refused(properties);
        assertTrue(chain(refused).contains("no SMS centre configured"), chain(refused));
        assertTrue(chain(refused).contains("icp.sms.centre.host"), "it says what to set");
    }

    @Test
    void noMailServerOnAnExternalDatabaseRefusesToStart() {
        Map<String, Object> properties = external();
        properties.put("icp.sms.centre.host", "127.0.0.1");
        properties.put("icp.sms.centre.system-id", "icp");
        properties.put("icp.sms.centre.source-address", "10690000");
        Throwable refused = RefusedStarts.refused(properties);
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

    static String chain(Throwable e) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append(" | ");
        }
        return messages.toString();
    }
}
