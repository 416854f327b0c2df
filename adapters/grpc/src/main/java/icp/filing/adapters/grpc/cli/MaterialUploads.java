package icp.filing.adapters.grpc.cli;

import com.google.protobuf.ByteString;
import icp.filing.proto.provider.v1.MaterialHeader;
import icp.filing.proto.provider.v1.MaterialKind;
import icp.filing.proto.provider.v1.ProviderFilingServiceGrpc;
import icp.filing.proto.provider.v1.UploadMaterialRequest;
import icp.filing.proto.provider.v1.UploadMaterialResponse;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The client side of UploadMaterial: a header, the bytes in chunks, then wait for the server's answer. */
public final class MaterialUploads {
    private MaterialUploads() {
    }

    /**
     * Streams {@code content} and returns the stored material.
     *
     * @param declaredSha256 the digest to declare; a wrong one is refused by the server
     * @throws StatusRuntimeException with the server's refusal
     */
    public static UploadMaterialResponse upload(ProviderFilingServiceGrpc.ProviderFilingServiceStub stub,
                                                MaterialKind kind, byte[] content, String declaredSha256,
                                                String fileName, int chunkSize) {
        CompletableFuture<UploadMaterialResponse> answer = new CompletableFuture<>();
        StreamObserver<UploadMaterialRequest> requests = stub.uploadMaterial(new StreamObserver<>() {
            @Override
            public void onNext(UploadMaterialResponse value) {
                answer.complete(value);
            }

            @Override
            public void onError(Throwable t) {
                answer.completeExceptionally(t);
            }

            @Override
            public void onCompleted() {
                answer.completeExceptionally(new IllegalStateException("the server completed without an answer"));
            }
        });
        requests.onNext(UploadMaterialRequest.newBuilder().setHeader(MaterialHeader.newBuilder().setKind(kind)
                .setSha256(declaredSha256).setFileName(fileName)).build());
        for (int offset = 0; offset < content.length; offset += chunkSize) {
            requests.onNext(UploadMaterialRequest.newBuilder().setChunk(ByteString.copyFrom(content, offset,
                    Math.min(chunkSize, content.length - offset))).build());
        }
        requests.onCompleted();
        try {
            return answer.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("no answer to the upload in 60 s", e);
        }
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
