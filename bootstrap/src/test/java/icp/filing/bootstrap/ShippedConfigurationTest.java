package icp.filing.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** What ships: a production start has no provider and no bureau user; the demo ones live only in the demo file. */
class ShippedConfigurationTest {

    @Test
    void theDefaultConfigurationGrantsNobodyAnything() throws Exception {
        String text = resource("application.yml");
        Map<String, Object> icp = section(new Yaml().load(text), "icp");
        assertEquals(Map.of(), icp.get("providers"));
        assertEquals(Map.of(), section(icp, "bureau").get("users"));
        assertFalse(text.contains("api-key-sha256:") || text.contains("password-hash:"), "no credential in " + text);
    }

    @Test
    void theDemoCredentialsAreInTheDemoEnvironmentOnly() throws Exception {
        Map<String, Object> icp = section(new Yaml().load(resource("application-demo.yml")), "icp");
        assertTrue(section(icp, "providers").containsKey("demo-cloud"));
        assertTrue(section(section(icp, "bureau"), "users").containsKey("bj-reviewer"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> map, String key) {
        return (Map<String, Object>) map.get(key);
    }

    private static String resource(String name) throws Exception {
        try (InputStream in = ShippedConfigurationTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
