package icp.filing.adapters.grpc;

import icp.filing.application.usecase.UploadMaterial;
import icp.filing.domain.application.ProviderId;
import icp.filing.domain.error.FilingException;
import icp.filing.domain.error.InvalidInputException;
import icp.filing.domain.error.Reason;
import icp.filing.domain.material.Material;
import icp.filing.domain.material.MaterialKind;
import icp.filing.proto.provider.v1.MaterialFormat;
import icp.filing.proto.provider.v1.MaterialHeader;
import icp.filing.proto.provider.v1.UploadMaterialRequest;
import icp.filing.proto.provider.v1.UploadMaterialResponse;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayOutputStream;

/**
 * Receives one material upload. Bytes are held until the stream completes and are stored only then, and only
 * whole: a stream that breaks off, overflows the limit or lies about its digest leaves nothing behind.
 */
final class MaterialUploadObserver implements StreamObserver<UploadMaterialRequest> {
    private final ProviderId provider;
    private final UploadMaterial upload;
    private final StreamObserver<UploadMaterialResponse> responses;
    private MaterialHeader header;
    private ByteArrayOutputStream received = new ByteArrayOutputStream();
    private boolean finished;

    MaterialUploadObserver(ProviderId provider, UploadMaterial upload,
                           StreamObserver<UploadMaterialResponse> responses) {
        this.provider = provider;
        this.upload = upload;
        this.responses = responses;
    }

    @Override
    public void onNext(UploadMaterialRequest part) {
        if (finished) {
            return;
        }
        if (part.hasHeader()) {
            if (header != null) {
                fail(InvalidInputException.of("header", Reason.INVALID_FORMAT, "the header comes once, first"));
                return;
            }
            header = part.getHeader();
        } else if (header == null) {
            fail(InvalidInputException.of("header", Reason.REQUIRED, "the first message must be the header"));
        } else if ((long) received.size() + part.getChunk().size() > upload.maxBytes()) {
            fail(UploadMaterial.tooLarge(upload.maxBytes()));
        } else {
            // ByteString.writeTo declares IOException, which a ByteArrayOutputStream never throws
            received.writeBytes(part.getChunk().toByteArray());
        }
    }

    @Override
    public void onError(Throwable cancelled) {
        // the client gave up or the connection broke: drop what arrived, store nothing
        finished = true;
        received = null;
    }

    @Override
    public void onCompleted() {
        if (finished) {
            return;
        }
        if (header == null) {
            fail(InvalidInputException.of("header", Reason.REQUIRED, "the first message must be the header"));
            return;
        }
        try {
            Material material = upload.upload(provider, kind(header), received.toByteArray(), header.getSha256());
            finished = true;
            received = null;
            responses.onNext(UploadMaterialResponse.newBuilder()
                    .setMaterialId(material.id().value())
                    .setSha256(material.sha256())
                    .setSizeBytes(material.sizeBytes())
                    .setFormat(MaterialFormat.valueOf("MATERIAL_FORMAT_" + material.format().name()))
                    .setKind(header.getKind())
                    .build());
            responses.onCompleted();
        } catch (FilingException e) {
            fail(e);
        }
    }

    private static MaterialKind kind(MaterialHeader header) {
        if (header.getKindValue() == 0) {
            return null;
        }
        if (header.getKind() == icp.filing.proto.provider.v1.MaterialKind.UNRECOGNIZED) {
            throw InvalidInputException.of("header.kind", Reason.UNKNOWN_CODE, "unknown kind " + header.getKindValue());
        }
        return MaterialKind.valueOf(header.getKind().name().substring("MATERIAL_KIND_".length()));
    }

    private void fail(FilingException e) {
        finished = true;
        received = null;
        responses.onError(GrpcErrors.toStatus(e));
    }
}
