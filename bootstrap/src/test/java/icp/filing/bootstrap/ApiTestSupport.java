package icp.filing.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import icp.filing.application.port.OutboxMessage;
import icp.filing.proto.provider.v1.Application;
import icp.filing.proto.provider.v1.DomainHolder;
import icp.filing.proto.provider.v1.GetApplicationRequest;
import icp.filing.proto.provider.v1.MaterialKind;
import icp.filing.proto.provider.v1.SubmitApplicationRequest;
import io.micronaut.grpc.server.GrpcEmbeddedServer;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.List;
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
    @Inject
    io.micronaut.context.ApplicationContext context;
    /** Material ids of the demo provider by kind, uploaded once per test and attached to every submission. */
    final Map<MaterialKind, String> demoMaterials = new EnumMap<>(MaterialKind.class);
    /** The bytes of {@link #demoMaterials}, as uploaded. */
    final Map<MaterialKind, byte[]> demoMaterialBytes = new EnumMap<>(MaterialKind.class);

    @BeforeEach
    void openClients() {
        clients = new ApiClients(grpcServer.getPort(), httpServer.getURI(), json);
        clients.beforePublicRead(() -> RecordingSmsCentre.settle(context, OutboxMessage.Channel.MINISTRY_UPLOAD));
        phones().codes();
        for (MaterialKind kind : List.of(MaterialKind.MATERIAL_KIND_SUBJECT_CERTIFICATE,
                MaterialKind.MATERIAL_KIND_SUBJECT_PRINCIPAL_ID, MaterialKind.MATERIAL_KIND_VERIFICATION_FORM,
                MaterialKind.MATERIAL_KIND_SERVICE_PRINCIPAL_ID, MaterialKind.MATERIAL_KIND_SERVICE_PRINCIPAL_PHOTO)) {
            byte[] scan = TestFilings.pdf(kind.name());
            demoMaterialBytes.put(kind, scan);
            demoMaterials.put(kind, clients.upload(ApiClients.DEMO_KEY, kind, scan, TestFilings.sha256(scan), 64)
                    .getMaterialId());
        }
    }

    /**
     * The request completed as a provider's verification would: the subject recorded as holder of each website
     * domain that has no holder, and the required materials attached to a subject and services that have none.
     */
    SubmitApplicationRequest complete(SubmitApplicationRequest request) {
        if (!request.hasNewFiling()) {
            return request;
        }
        var filing = withDomainHolders(request).getNewFiling().toBuilder();
        if (filing.hasSubject() && filing.getSubject().getMaterialIdsCount() == 0) {
            filing.setSubject(filing.getSubject().toBuilder()
                    .addMaterialIds(demoMaterials.get(MaterialKind.MATERIAL_KIND_SUBJECT_CERTIFICATE))
                    .addMaterialIds(demoMaterials.get(MaterialKind.MATERIAL_KIND_SUBJECT_PRINCIPAL_ID))
                    .addMaterialIds(demoMaterials.get(MaterialKind.MATERIAL_KIND_VERIFICATION_FORM)));
        }
        for (int i = 0; i < filing.getServicesCount(); i++) {
            if (filing.getServices(i).getMaterialIdsCount() == 0) {
                filing.setServices(i, filing.getServices(i).toBuilder()
                        .addMaterialIds(demoMaterials.get(MaterialKind.MATERIAL_KIND_SERVICE_PRINCIPAL_ID))
                        .addMaterialIds(demoMaterials.get(MaterialKind.MATERIAL_KIND_SERVICE_PRINCIPAL_PHOTO)));
            }
        }
        return request.toBuilder().setNewFiling(filing).build();
    }

    /** The subject recorded as holder of each domain of websites that have no holder record. */
    static SubmitApplicationRequest withDomainHolders(SubmitApplicationRequest request) {
        var filing = request.getNewFiling().toBuilder();
        for (int i = 0; i < filing.getServicesCount() && filing.hasSubject(); i++) {
            var service = filing.getServices(i);
            if (service.hasWebsite() && service.getWebsite().getDomainHoldersCount() == 0) {
                var website = service.getWebsite().toBuilder();
                for (String domain : website.getDomainsList()) {
                    website.addDomainHolders(DomainHolder.newBuilder().setDomain(domain)
                            .setHolderName(filing.getSubject().getName())
                            .setHolderCertificateNumber(filing.getSubject().getCertificateNumber()));
                }
                filing.setServices(i, service.toBuilder().setWebsite(website));
            }
        }
        return request.toBuilder().setNewFiling(filing).build();
    }

    /** The principals' phones: what they have received since the last look, as (phone, code). */
    interface Phones {
        List<String[]> codes();
    }

    /** The recording sink of the suite; a test with an SMS centre of its own reads that instead. */
    Phones phones() {
        return context.getBean(RecordingSmsCentre.class)::drain;
    }

    @AfterEach
    void closeClients() {
        clients.close();
    }

    /** Submitted by the demo provider and confirmed by SMS by its principals: in the bureau's queue. */
    Application submit(SubmitApplicationRequest request) {
        Application submitted = clients.provider(ApiClients.DEMO_KEY).submitApplication(complete(request))
                .getApplication();
        return confirmSms(submitted);
    }

    /** Every principal who received a code confirms it, as on the public endpoint; the application as it is then. */
    Application confirmSms(Application application) {
        return confirmSms(ApiClients.DEMO_KEY, application);
    }

    /** As {@link #confirmSms(Application)}, the application read back by the provider of {@code key}. */
    Application confirmSms(String key, Application application) {
        for (String[] sms : phones().codes()) {
            String certificate = TestFilings.CERTIFICATE_BY_PHONE.get(sms[0]);
            ApiClients.Response confirmed = clients.post("/api/v1/public/sms-verifications/confirm", null,
                    "{\"phone\":\"" + sms[0] + "\",\"code\":\"" + sms[1] + "\",\"certificateTail\":\""
                            + certificate.substring(certificate.length() - 6) + "\"}");
            assertEquals(200, confirmed.status(), confirmed.body());
        }
        if (application.getId().isEmpty()) {
            return application;
        }
        return clients.provider(key).getApplication(GetApplicationRequest.newBuilder()
                .setApplicationId(application.getId()).build()).getApplication();
    }

    /** Approves as the Beijing reviewer and returns the decision body. */
    Map<String, Object> approve(String applicationId) {
        ApiClients.Response response = clients.post("/api/v1/bureau/applications/" + applicationId + "/approve",
                "bj-reviewer", "");
        assertEquals(200, response.status(), response.body());
        return response.object();
    }
}
