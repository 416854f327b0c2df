package icp.filing.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import icp.filing.proto.provider.v1.Application;
import icp.filing.proto.provider.v1.GetApplicationRequest;
import icp.filing.proto.provider.v1.LodgeObjectionRequest;
import icp.filing.proto.provider.v1.ListObjectionsRequest;
import icp.filing.proto.provider.v1.Objection;
import icp.filing.proto.provider.v1.SubmitApplicationRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a person writes is what the other side reads: free text and names keep their full-width punctuation
 * byte for byte, REST to gRPC and back (the text policy of {@code Text}); only comparisons fold widths.
 */
@MicronautTest(transactional = false)
class TypedTextApiTest extends ApiTestSupport {
    /** Every full-width mark a Chinese input method types in a sentence, and a line break. */
    private static final String WRITTEN = "域名持有者与主办单位不一致，请核对：（一）持有者“示例”；\n（二）证书。";

    private static String json(String text) {
        return text.replace("\n", "\\n");
    }

    private Application read(String id) {
        return clients.provider(ApiClients.DEMO_KEY).getApplication(GetApplicationRequest.newBuilder()
                .setApplicationId(id).build()).getApplication();
    }

    @Test
    void aReturnCommentAndAnObjectionReachTheOtherSideAsWritten() {
        Application submitted = submit(TestFilings.unitFiling("北京" + TestFilings.uniqueLabel() + "有限公司",
                TestFilings.uniqueLabel() + ".cn"));
        ApiClients.Response returned = clients.post("/api/v1/bureau/applications/" + submitted.getId() + "/return",
                "bj-reviewer", "{\"reasons\":[\"DOMAIN_HOLDER_MISMATCH\"],\"comment\":\"" + json(WRITTEN) + "\"}");
        assertEquals(200, returned.status(), returned.body());
        Application read = read(submitted.getId());
        assertEquals(WRITTEN, read.getHistory(read.getHistoryCount() - 1).getComment(), "gRPC reads the reviewer's words");

        String statement = "持有者即本单位（见附件），“示例”为简称：请复核。";
        Objection lodged = clients.provider(ApiClients.DEMO_KEY).lodgeObjection(LodgeObjectionRequest.newBuilder()
                .setApplicationId(submitted.getId()).setStatement(statement).build()).getObjection();
        assertEquals(statement, lodged.getStatement());
        assertTrue(clients.get("/api/v1/bureau/objections", "bj-reviewer").body().contains(statement),
                "REST reads the provider's words");

        String answer = "申辩成立，重新审核：（一）持有者一致。";
        assertEquals(200, clients.post("/api/v1/bureau/objections/" + lodged.getId() + "/answer", "bj-reviewer",
                "{\"upheld\":true,\"comment\":\"" + answer + "\"}").status());
        Objection answered = clients.provider(ApiClients.DEMO_KEY).listObjections(ListObjectionsRequest
                .getDefaultInstance()).getObjectionsList().stream().filter(o -> o.getId().equals(lodged.getId()))
                .findFirst().orElseThrow();
        assertEquals(answer, answered.getAnswer(), "gRPC reads the bureau's answer");
        assertEquals(statement, answered.getStatement());
        Application reopened = read(submitted.getId());
        assertEquals(answer, reopened.getHistory(reopened.getHistoryCount() - 1).getComment());
    }

    @Test
    void aUnitNameKeepsItsFullWidthParenthesesAndIsFoundWritten() {
        String label = TestFilings.uniqueLabel();
        String name = "示例" + label + "科技（北京）有限公司";
        SubmitApplicationRequest request = TestFilings.unitFiling(name, label + ".cn");
        var subject = request.getNewFiling().getSubject().toBuilder()
                .setVerifiedName("示例" + label + "科技(北京)有限公司"); // the verification read it half-width
        Application submitted = submit(request.toBuilder().setNewFiling(request.getNewFiling().toBuilder()
                .setSubject(subject)).build());
        assertEquals(name, submitted.getSubjectName(), "stored as typed");
        approve(submitted.getId());

        for (String asked : List.of(name, "示例" + label + "科技(北京)有限公司")) {
            List<Map<String, Object>> found = clients.get("/api/v1/public/filings?q=" + ApiClients.query(asked), null)
                    .list();
            assertEquals(1, found.size(), asked);
            assertEquals(name, found.get(0).get("subjectName"), "shown as typed, found however it is asked");
        }
    }
}
