package icp.filing.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.protobuf.ByteString;
import icp.filing.proto.provider.v1.MaterialHeader;
import icp.filing.proto.provider.v1.MaterialKind;
import icp.filing.proto.provider.v1.UploadMaterialRequest;
import icp.filing.proto.provider.v1.UploadMaterialResponse;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Uploads cannot hold the server: streams per provider and in all are bounded (2 and 3 in the test configuration),
 * an idle stream is ended (after 3 s here), and bytes wait on disk, not in memory.
 */
@MicronautTest(transactional = false)
class UploadLimitsApiTest extends ApiTestSupport {

    @Test
    void aProviderHoldsAtMostItsSlotsAndTheServerAtMostItsTotal() throws Exception {
        // the server takes streams in whatever order they arrive: the one refused is the one that ends at once
        List<Upload> demo = new ArrayList<>(List.of(open(ApiClients.DEMO_KEY), open(ApiClients.DEMO_KEY),
                open(ApiClients.DEMO_KEY)));
        Upload refused = firstToEnd(demo);
        assertEquals("TOO_MANY_UPLOADS", refusal(refused, Status.Code.RESOURCE_EXHAUSTED));
        demo.remove(refused);

        // the other provider gets the server's third and last slot, and no fourth
        List<Upload> other = new ArrayList<>(List.of(open(ApiClients.OTHER_KEY), open(ApiClients.OTHER_KEY)));
        Upload refusedByTotal = firstToEnd(other);
        assertEquals("TOO_MANY_UPLOADS", refusal(refusedByTotal, Status.Code.RESOURCE_EXHAUSTED));
        other.remove(refusedByTotal);

        assertEquals(64_000, demo.get(0).finish().getSizeBytes());
        demo.get(1).finish();
        other.get(0).finish();
        assertEquals(64_000, open(ApiClients.DEMO_KEY).finish().getSizeBytes(), "slots are given back");
    }

    /** The first of the uploads whose call ends, well before any idle timeout. */
    private static Upload firstToEnd(List<Upload> uploads) throws Exception {
        CompletableFuture.anyOf(uploads.stream().map(u -> u.result).toArray(CompletableFuture[]::new))
                .exceptionally(e -> null).get(1500, TimeUnit.MILLISECONDS);
        return uploads.stream().filter(u -> u.result.isDone()).findFirst().orElseThrow();
    }

    @Test
    void anIdleStreamIsEndedAndItsSlotFreed() throws Exception {
        Upload idle = open(ApiClients.DEMO_KEY);
        idle.requests.onNext(UploadMaterialRequest.newBuilder().setChunk(ByteString.copyFromUtf8("%PDF-1.4\n")).build());
        assertEquals("UPLOAD_IDLE", refusal(idle, Status.Code.DEADLINE_EXCEEDED));
        open(ApiClients.DEMO_KEY).finish();
        open(ApiClients.DEMO_KEY).finish();
    }

    @Test
    void bytesWaitInAnOwnerOnlySpoolFileAndAreGoneAfterwards() throws Exception {
        Upload upload = open(ApiClients.DEMO_KEY);
        upload.requests.onNext(UploadMaterialRequest.newBuilder().setChunk(ByteString.copyFrom(upload.content, 0, 9))
                .build());
        Thread.sleep(300);
        Path spool = spoolFolder();
        try (var files = Files.list(spool)) {
            assertEquals(1, files.count(), "one spool file while the upload runs");
        }
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(spool)));
        upload.requests.onNext(UploadMaterialRequest.newBuilder().setChunk(ByteString.copyFrom(upload.content, 9,
                upload.content.length - 9)).build());
        upload.requests.onCompleted();
        upload.result.get(10, TimeUnit.SECONDS);
        try (var files = Files.list(spool)) {
            assertFalse(files.findAny().isPresent(), "no spool file once stored");
        }
    }

    /** The newest icp-uploads-* folder in the temp folder: this context's. */
    private static Path spoolFolder() throws Exception {
        try (var folders = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return folders.filter(p -> p.getFileName().toString().startsWith("icp-uploads-"))
                    .max(java.util.Comparator.comparing(p -> p.toFile().lastModified())).orElseThrow();
        }
    }

    private Upload open(String key) {
        return open(key, 64_000);
    }

    /** Opens an upload of a PDF of {@code size} bytes: the header, with the digest, goes at once. */
    private Upload open(String key, int size) {
        CompletableFuture<UploadMaterialResponse> result = new CompletableFuture<>();
        StreamObserver<UploadMaterialRequest> requests = clients.asyncProvider(key)
                .uploadMaterial(ApiClients.observer(result));
        byte[] pdf = new byte[size];
        byte[] magic = "%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(magic, 0, pdf, 0, Math.min(magic.length, size));
        requests.onNext(UploadMaterialRequest.newBuilder().setHeader(MaterialHeader.newBuilder()
                .setKind(MaterialKind.MATERIAL_KIND_SUBJECT_SUPPLEMENT).setSha256(TestFilings.sha256(pdf))).build());
        return new Upload(requests, result, pdf);
    }

    private static String refusal(Upload upload, Status.Code code) throws Exception {
        try {
            upload.result.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            StatusRuntimeException status = (StatusRuntimeException) e.getCause();
            assertEquals(code, status.getStatus().getCode());
            return ProviderApiTest.errorInfo(status).getReason();
        }
        throw new AssertionError("the upload was not refused");
    }

    private static final class Upload {
        final StreamObserver<UploadMaterialRequest> requests;
        final CompletableFuture<UploadMaterialResponse> result;
        final byte[] content;

        Upload(StreamObserver<UploadMaterialRequest> requests, CompletableFuture<UploadMaterialResponse> result,
               byte[] content) {
            this.requests = requests;
            this.result = result;
            this.content = content;
        }

        /** Sends the rest of the bytes in chunks, completes, and waits for the answer. */
        UploadMaterialResponse finish() throws Exception {
            for (int from = 0; from < content.length; from += 16_384) {
                requests.onNext(UploadMaterialRequest.newBuilder().setChunk(ByteString.copyFrom(content, from,
                        Math.min(16_384, content.length - from))).build());
            }
            requests.onCompleted();
            return result.get(10, TimeUnit.SECONDS);
        }
    }
}
