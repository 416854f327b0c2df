package icp.filing.bootstrap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.rpc.BadRequest;
import icp.filing.proto.provider.v1.Application;
import icp.filing.proto.provider.v1.MaterialFormat;
import icp.filing.proto.provider.v1.MaterialKind;
import icp.filing.proto.provider.v1.SubmitApplicationRequest;
import icp.filing.proto.provider.v1.UploadMaterialResponse;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Verification materials over the wire: the upload stream's refusals, the required set, the reviewer's download. */
// the tests speak to the running servers; a test-wide transaction would only hold locks against them
@MicronautTest(transactional = false)
class MaterialsApiTest extends ApiTestSupport {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

    @Inject
    DataSource dataSource;

    private static byte[] png(int size) {
        byte[] bytes = new byte[size];
        System.arraycopy(PNG_SIGNATURE, 0, bytes, 0, PNG_SIGNATURE.length);
        for (int i = PNG_SIGNATURE.length; i < size; i++) {
            bytes[i] = (byte) (i * 31);
        }
        return bytes;
    }

    @Test
    void storesAStreamedImageAndRecognisesItByContent() {
        byte[] photo = png(150_000);
        UploadMaterialResponse stored = clients.upload(ApiClients.DEMO_KEY,
                MaterialKind.MATERIAL_KIND_SERVICE_PRINCIPAL_PHOTO, photo, TestFilings.sha256(photo), 32 * 1024);
        assertEquals(MaterialFormat.MATERIAL_FORMAT_PNG, stored.getFormat());
        assertEquals(TestFilings.sha256(photo), stored.getSha256());
        assertEquals(150_000, stored.getSizeBytes());
        assertEquals(36, stored.getMaterialId().length());
    }

    @Test
    void theSameBytesUploadedAgainAreTheSameMaterialSoARetriedSubmissionIsTheSameRequest() throws SQLException {
        byte[] scan = TestFilings.pdf("retried-" + TestFilings.uniqueLabel());
        long before = materialRows();
        String first = clients.upload(ApiClients.DEMO_KEY, MaterialKind.MATERIAL_KIND_SUBJECT_CERTIFICATE, scan,
                TestFilings.sha256(scan), 64).getMaterialId();
        String again = clients.upload(ApiClients.DEMO_KEY, MaterialKind.MATERIAL_KIND_SUBJECT_CERTIFICATE, scan,
                TestFilings.sha256(scan), 1024).getMaterialId();
        assertEquals(first, again, "identified by content, however it was chunked");
        assertEquals(before + 1, materialRows(), "stored once");
        String asAnotherKind = clients.upload(ApiClients.DEMO_KEY, MaterialKind.MATERIAL_KIND_VERIFICATION_FORM, scan,
                TestFilings.sha256(scan), 64).getMaterialId();
        String byAnotherProvider = clients.upload(ApiClients.OTHER_KEY, MaterialKind.MATERIAL_KIND_SUBJECT_CERTIFICATE,
                scan, TestFilings.sha256(scan), 64).getMaterialId();
        assertTrue(!asAnotherKind.equals(first) && !byAnotherProvider.equals(first),
                "another kind, or another provider's upload, is a material of its own");

        // what `provider submit` does when run again: upload the files, then submit with the same request id
        SubmitApplicationRequest request = TestFilings.unitFiling("北京" + TestFilings.uniqueLabel() + "有限公司",
                TestFilings.uniqueLabel() + ".cn").toBuilder().setRequestId("retry-" + TestFilings.uniqueLabel())
                .build();
        Application submitted = clients.provider(ApiClients.DEMO_KEY).submitApplication(complete(request))
                .getApplication();
        Map<MaterialKind, String> reuploaded = new java.util.EnumMap<>(MaterialKind.class);
        for (MaterialKind kind : demoMaterials.keySet()) {
            byte[] same = demoMaterialBytes.get(kind);
            reuploaded.put(kind, clients.upload(ApiClients.DEMO_KEY, kind, same, TestFilings.sha256(same), 64)
                    .getMaterialId());
        }
        assertEquals(demoMaterials, reuploaded);
        assertEquals(submitted.getId(), clients.provider(ApiClients.DEMO_KEY).submitApplication(complete(request))
                .getApplication().getId(), "the retry returns the same application");
    }

    @Test
    void refusesAndStoresNothingWhenTheStreamIsWrongOrBreaksOff() throws SQLException {
        long before = materialRows();
        byte[] photo = png(10_000);
        assertEquals("DIGEST_MISMATCH", refusal(() -> clients.upload(ApiClients.DEMO_KEY,
                MaterialKind.MATERIAL_KIND_SUBJECT_CERTIFICATE, photo, TestFilings.sha256(png(9_999)), 4096)));
        byte[] huge = png(200_001);
        assertEquals("MATERIAL_TOO_LARGE", refusal(() -> clients.upload(ApiClients.DEMO_KEY,
                MaterialKind.MATERIAL_KIND_SUBJECT_CERTIFICATE, huge, TestFilings.sha256(huge), 64 * 1024)));
        byte[] executable = "MZ\u0090\u0000 this is not a scan".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("UNSUPPORTED_MATERIAL_FORMAT", refusal(() -> clients.upload(ApiClients.DEMO_KEY,
                MaterialKind.MATERIAL_KIND_SUBJECT_CERTIFICATE, executable, TestFilings.sha256(executable), 4096)));
        assertEquals("REQUIRED", refusal(() -> clients.upload(ApiClients.DEMO_KEY,
                MaterialKind.MATERIAL_KIND_UNSPECIFIED, photo, TestFilings.sha256(photo), 4096)));
        clients.uploadAndAbandon(ApiClients.DEMO_KEY, MaterialKind.MATERIAL_KIND_SUBJECT_CERTIFICATE, photo,
                TestFilings.sha256(photo));
        assertEquals(before, materialRows());
    }

    @Test
    void aSubmissionNamesEveryMissingMaterial() {
        SubmitApplicationRequest request = withDomainHolders(TestFilings.unitFiling("缺材料公司",
                TestFilings.uniqueLabel() + ".cn"));
        SubmitApplicationRequest partial = request.toBuilder().setNewFiling(request.getNewFiling().toBuilder()
                .setSubject(request.getNewFiling().getSubject().toBuilder()
                        .addMaterialIds(demoMaterials.get(MaterialKind.MATERIAL_KIND_SUBJECT_PRINCIPAL_ID))
                        // a service's material on the subject is refused as misplaced
                        .addMaterialIds(demoMaterials.get(MaterialKind.MATERIAL_KIND_SERVICE_PRINCIPAL_PHOTO)))
                .setServices(0, request.getNewFiling().getServices(0).toBuilder()
                        .addMaterialIds(demoMaterials.get(MaterialKind.MATERIAL_KIND_SERVICE_PRINCIPAL_ID))))
                .build();
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
                () -> clients.provider(ApiClients.DEMO_KEY).submitApplication(partial));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        List<String> violations = ProviderApiTest.badRequest(e).getFieldViolationsList().stream()
                .map(v -> v.getField() + " " + v.getReason()).toList();
        assertEquals(List.of("new_filing.subject.material_ids[1] MATERIAL_KIND_MISPLACED",
                "new_filing.subject.material_ids MATERIALS_INCOMPLETE", "new_filing.subject.material_ids MATERIALS_INCOMPLETE",
                "new_filing.services[0].material_ids MATERIALS_INCOMPLETE"), violations);
        assertTrue(ProviderApiTest.badRequest(e).getFieldViolationsList().stream()
                .map(BadRequest.FieldViolation::getDescription).anyMatch(d -> d.contains("备案信息真实性核验单")));
    }

    @Test
    void anotherProvidersMaterialCannotBeReferenced() {
        byte[] scan = TestFilings.pdf("foreign");
        String foreign = clients.upload(ApiClients.OTHER_KEY, MaterialKind.MATERIAL_KIND_VERIFICATION_FORM, scan,
                TestFilings.sha256(scan), 4096).getMaterialId();
        SubmitApplicationRequest request = complete(TestFilings.unitFiling("借材料公司", TestFilings.uniqueLabel()
                + ".cn"));
        SubmitApplicationRequest borrowing = request.toBuilder().setNewFiling(request.getNewFiling().toBuilder()
                .setSubject(request.getNewFiling().getSubject().toBuilder().setMaterialIds(2, foreign))).build();
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
                () -> clients.provider(ApiClients.DEMO_KEY).submitApplication(borrowing));
        assertEquals("new_filing.subject.material_ids[2]", ProviderApiTest.badRequest(e).getFieldViolations(0).getField());
        assertEquals("MATERIAL_NOT_FOUND", ProviderApiTest.badRequest(e).getFieldViolations(0).getReason());
    }

    @Test
    void theReviewerOfTheProvinceListsAndDownloadsTheMaterials() {
        byte[] certificate = TestFilings.pdf("营业执照扫描件");
        String certificateId = clients.upload(ApiClients.DEMO_KEY, MaterialKind.MATERIAL_KIND_SUBJECT_CERTIFICATE,
                certificate, TestFilings.sha256(certificate), 16).getMaterialId();
        SubmitApplicationRequest request = complete(TestFilings.unitFiling("材料下载公司",
                TestFilings.uniqueLabel() + ".cn"));
        Application application = submit(request.toBuilder().setNewFiling(request.getNewFiling().toBuilder()
                .setSubject(request.getNewFiling().getSubject().toBuilder().setMaterialIds(0, certificateId))).build());

        String base = "/api/v1/bureau/applications/" + application.getId() + "/materials";
        ApiClients.Response listed = clients.get(base, "bj-reviewer");
        assertEquals(200, listed.status(), listed.body());
        List<Map<String, Object>> materials = listed.list();
        assertEquals(5, materials.size());
        Map<String, Object> first = materials.get(0);
        assertEquals(certificateId, first.get("materialId"));
        assertEquals("subject", first.get("owner"));
        assertEquals("主体证件", first.get("kindName"));

        HttpResponse<byte[]> download = clients.download(base + "/" + certificateId, "bj-reviewer");
        assertEquals(200, download.statusCode());
        assertArrayEquals(certificate, download.body());
        assertEquals("application/pdf", download.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(TestFilings.sha256(certificate), download.headers().firstValue("X-Content-SHA256").orElseThrow());

        assertEquals(404, clients.download(base + "/" + certificateId, "sh-reviewer").statusCode());
        assertEquals(401, clients.download(base + "/" + certificateId, null).statusCode());
        String unrelated = demoMaterials.get(MaterialKind.MATERIAL_KIND_SUBJECT_SUPPLEMENT);
        assertEquals(404, clients.download(base + "/" + (unrelated == null ? "00000000-0000-4000-8000-000000000000"
                : unrelated), "bj-reviewer").statusCode());
    }

    private static String refusal(Runnable upload) {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, upload::run);
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode(), e.toString());
        return ProviderApiTest.errorInfo(e).getReason();
    }

    private long materialRows() throws SQLException {
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             ResultSet rs = connection.createStatement().executeQuery("SELECT COUNT(*) FROM material")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
