package icp.filing.adapters.grpc;

import icp.filing.application.usecase.UploadMaterial;
import icp.filing.domain.application.ProviderId;
import icp.filing.domain.error.FilingException;
import icp.filing.domain.error.InvalidInputException;
import icp.filing.domain.error.Reason;
import icp.filing.domain.error.ResourceExhaustedException;
import icp.filing.domain.material.Material;
import icp.filing.domain.material.MaterialKind;
import icp.filing.proto.provider.v1.MaterialFormat;
import icp.filing.proto.provider.v1.MaterialHeader;
import icp.filing.proto.provider.v1.UploadMaterialRequest;
import icp.filing.proto.provider.v1.UploadMaterialResponse;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives one material upload. Bytes go to a spool file as they arrive and are stored only when the stream
 * completes, and only whole: a stream that breaks off, overflows the limit, lies about its digest or falls idle
 * leaves nothing behind. Each stream holds one of the provider's upload slots until it ends.
 * The gRPC thread and the idle timer both end streams, so every step is synchronized.
 */
final class MaterialUploadObserver implements StreamObserver<UploadMaterialRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(MaterialUploadObserver.class);
    private final ProviderId provider;
    private final UploadMaterial upload;
    private final StreamObserver<UploadMaterialResponse> responses;
    private final UploadSlots slots;
    private MaterialHeader header;
    private UploadSpool spool;
    private boolean finished;
    private long lastActivity = System.nanoTime();
    private ScheduledFuture<?> idleCheck;

    MaterialUploadObserver(ProviderId provider, UploadMaterial upload, StreamObserver<UploadMaterialResponse> responses,
                           UploadSlots slots) {
        this.provider = provider;
        this.upload = upload;
        this.responses = responses;
        this.slots = slots;
        if (!slots.tryAcquire(provider)) {
            finished = true;
            responses.onError(GrpcErrors.toStatus(new ResourceExhaustedException(Reason.TOO_MANY_UPLOADS,
                    "同时进行的上传过多，请稍后重试 / too many uploads in progress; retry later")));
            return;
        }
        Duration timeout = slots.idleTimeout();
        idleCheck = slots.every(timeout.dividedBy(4).isZero() ? timeout : timeout.dividedBy(4), this::endIfIdle);
    }

    @Override
    public synchronized void onNext(UploadMaterialRequest part) {
        if (finished) {
            return;
        }
        lastActivity = System.nanoTime();
        if (part.hasHeader()) {
            if (header != null) {
                fail(InvalidInputException.of("header", Reason.INVALID_FORMAT, "标头只能在最前面出现一次 / the header "
                        + "comes once, first"));
                return;
            }
            try {
                RequestBounds.check(part.getHeader(), "header");
            } catch (InvalidInputException e) {
                fail(e);
                return;
            }
            header = part.getHeader();
        } else if (header == null) {
            fail(InvalidInputException.of("header", Reason.REQUIRED, "第一条消息必须是标头 / the first message must "
                    + "be the header"));
        } else if (received() + part.getChunk().size() > upload.maxBytes()) {
            fail(UploadMaterial.tooLarge(upload.maxBytes()));
        } else {
            spool().append(part.getChunk());
        }
    }

    @Override
    public synchronized void onError(Throwable cancelled) {
        // the client gave up or the connection broke: drop what arrived, store nothing
        end();
    }

    @Override
    public synchronized void onCompleted() {
        if (finished) {
            return;
        }
        if (header == null) {
            fail(InvalidInputException.of("header", Reason.REQUIRED, "第一条消息必须是标头 / the first message must be "
                    + "the header"));
            return;
        }
        try {
            UploadSpool content = spool();
            content.finish();
            Material material = upload.upload(provider, kind(header), content, header.getSha256());
            end();
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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized void endIfIdle() {
        if (finished || System.nanoTime() - lastActivity < slots.idleTimeout().toNanos()) {
            return;
        }
        LOG.info("upload of provider {} idle for {}; ended", provider.value(), slots.idleTimeout());
        StatusRuntimeException idle = GrpcErrors.status(com.google.rpc.Code.DEADLINE_EXCEEDED, Reason.UPLOAD_IDLE,
                "上传 " + slots.idleTimeout().toSeconds() + " 秒内没有数据，已结束 / the upload sent nothing for "
                        + slots.idleTimeout().toSeconds() + " s and was ended");
        end();
        responses.onError(idle);
    }

    private long received() {
        return spool == null ? 0 : spool.size();
    }

    private UploadSpool spool() {
        if (spool == null) {
            try {
                spool = new UploadSpool(slots.spool());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot spool an upload", e);
            }
        }
        return spool;
    }

    private static MaterialKind kind(MaterialHeader header) {
        if (header.getKindValue() == 0) {
            return null;
        }
        if (header.getKind() == icp.filing.proto.provider.v1.MaterialKind.UNRECOGNIZED) {
            throw InvalidInputException.of("header.kind", Reason.UNKNOWN_CODE, "未知材料类型 / unknown kind "
                    + header.getKindValue());
        }
        return MaterialKind.valueOf(header.getKind().name().substring("MATERIAL_KIND_".length()));
    }

    private void fail(FilingException e) {
        end();
        responses.onError(GrpcErrors.toStatus(e));
    }

    /** Releases what the stream held: the spool file, the idle check, the slot. Once. */
    private void end() {
        if (finished) {
            return;
        }
        finished = true;
        if (spool != null) {
            spool.close();
            spool = null;
        }
        if (idleCheck != null) {
            idleCheck.cancel(false);
        }
        slots.release(provider);
    }
}
