package icp.filing.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import icp.filing.proto.provider.v1.Application;
import icp.filing.proto.provider.v1.SubmitApplicationRequest;
import io.micronaut.grpc.server.GrpcEmbeddedServer;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Starts real clients against the running servers of a {@code @MicronautTest}. */
abstract class ApiTestSupport {
    @Inject
    EmbeddedServer httpServer;
    @Inject
    GrpcEmbeddedServer grpcServer;
    @Inject
    JsonMapper json;

    ApiClients clients;

    @BeforeEach
    void openClients() {
        clients = new ApiClients(grpcServer.getPort(), httpServer.getURI(), json);
    }

    @AfterEach
    void closeClients() {
        clients.close();
    }

    Application submit(SubmitApplicationRequest request) {
        return clients.provider(ApiClients.DEMO_KEY).submitApplication(request).getApplication();
    }

    /** Approves as the Beijing reviewer and returns the decision body. */
    Map<String, Object> approve(String applicationId) {
        ApiClients.Response response = clients.post("/api/v1/bureau/applications/" + applicationId + "/approve",
                "bj-reviewer", "");
        assertEquals(200, response.status(), response.body());
        return response.object();
    }
}
