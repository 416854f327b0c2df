package icp.filing.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import icp.filing.proto.provider.v1.NewFiling;
import icp.filing.proto.provider.v1.SubmitApplicationRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Personal data stays where it belongs: not in caches, not in the public query, not behind management endpoints. */
@MicronautTest(transactional = false)
class PrivacyApiTest extends ApiTestSupport {

    @Test
    void bureauAnswersAreNeverCached() {
        String label = TestFilings.uniqueLabel();
        String id = submit(TestFilings.unitFiling("北京" + label + "有限公司", label + ".cn")).getId();
        for (String path : List.of("/api/v1/bureau/applications", "/api/v1/bureau/applications/" + id,
                "/api/v1/bureau/applications/" + id + "/materials", "/api/v1/bureau/applications/unknown-id")) {
            ApiClients.Response response = clients.get(path, "bj-reviewer");
            assertEquals("no-store", response.header("Cache-Control"), path + " " + response.status());
        }
    }

    @Test
    void everyReadOfPersonalDataIsRecordedForTheProvince() {
        String label = TestFilings.uniqueLabel();
        String id = submit(TestFilings.unitFiling("北京" + label + "有限公司", label + ".cn")).getId();
        assertEquals(200, clients.get("/api/v1/bureau/applications/" + id, "bj-reviewer").status());
        String base = "/api/v1/bureau/applications/" + id + "/materials";
        String materialId = (String) clients.get(base, "bj-reviewer").list().get(0).get("materialId");
        assertEquals(200, clients.download(base + "/" + materialId, "bj-reviewer").statusCode());

        List<Map<String, Object>> records = records("bj-reviewer").stream()
                .filter(r -> id.equals(r.get("applicationId"))).toList();
        assertEquals(List.of("MATERIAL", "APPLICATION"), records.stream().map(r -> r.get("what")).toList());
        assertEquals(materialId, records.get(0).get("materialId"));
        assertTrue(records.stream().allMatch(r -> "bj-reviewer".equals(r.get("reviewer")) && r.get("at") != null));
        assertTrue(records("sh-reviewer").stream().noneMatch(r -> id.equals(r.get("applicationId"))),
                "another province does not see Beijing's record");
        // a refused read (another province) reads nothing and records nothing
        assertEquals(404, clients.get("/api/v1/bureau/applications/" + id, "sh-reviewer").status());
        assertEquals(2, records("bj-reviewer").stream().filter(r -> id.equals(r.get("applicationId"))).count());
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> records(String reviewer) {
        ApiClients.Response response = clients.get("/api/v1/bureau/read-records?size=100", reviewer);
        assertEquals(200, response.status(), response.body());
        assertEquals("no-store", response.header("Cache-Control"));
        return (List<Map<String, Object>>) response.object().get("items");
    }

    @Test
    void aPersonsNameIsMaskedInTheirServiceNameToo() {
        String label = TestFilings.uniqueLabel();
        SubmitApplicationRequest request = SubmitApplicationRequest.newBuilder().setNewFiling(NewFiling.newBuilder()
                .setSubject(TestFilings.person("王小五"))
                .addServices(TestFilings.website("王小五的博客", label + ".cn"))).build();
        approve(submit(request).getId());

        ApiClients.Response found = clients.get("/api/v1/public/filings?q=" + label + ".cn", null);
        assertEquals(200, found.status(), found.body());
        Map<String, Object> entry = found.list().get(0);
        assertEquals("王**", entry.get("subjectName"));
        assertEquals("王**的博客", entry.get("serviceName"));
        assertTrue(!found.body().contains("小五"), found.body());
    }

    @Test
    void managementEndpointsAreOffAndHealthSaysNoMore() {
        for (String path : List.of("/beans", "/routes", "/threaddump", "/info", "/env", "/flyway", "/loggers",
                "/refresh", "/metrics", "/caches", "/stop")) {
            int status = clients.get(path, "bj-reviewer").status();
            assertTrue(status == 404 || status == 403, path + " answered " + status);
        }
        ApiClients.Response health = clients.get("/health", "bj-reviewer");
        assertEquals(200, health.status());
        assertEquals(Map.of("status", "UP"), health.object());
    }
}
