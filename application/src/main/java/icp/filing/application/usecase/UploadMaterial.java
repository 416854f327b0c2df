package icp.filing.application.usecase;

import icp.filing.application.port.MaterialContent;
import icp.filing.application.port.Materials;
import icp.filing.application.port.Transactions;
import icp.filing.domain.application.ProviderId;
import icp.filing.domain.common.Text;
import icp.filing.domain.error.InvalidInputException;
import icp.filing.domain.error.InvalidValueException;
import icp.filing.domain.error.Reason;
import icp.filing.domain.material.Material;
import icp.filing.domain.material.MaterialFormat;
import icp.filing.domain.material.MaterialId;
import icp.filing.domain.material.MaterialKind;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Locale;

/**
 * Stores a verification material once it has arrived whole: the bytes must be a JPEG, PNG or PDF by content,
 * within the size limit, and hash to the SHA-256 the provider declared. Anything else stores nothing. A material is
 * identified by its content: the same provider uploading the same bytes as the same kind again gets the id of the
 * first upload, so a retried submission (upload, then submit with the same request id) is the same request and
 * returns the same application.
 */
@Singleton
public final class UploadMaterial {
    private final Materials materials;
    private final Transactions transactions;
    private final SubmissionLimits limits;
    private final Clock clock;

    public UploadMaterial(Materials materials, Transactions transactions, SubmissionLimits limits, Clock clock) {
        this.materials = materials;
        this.transactions = transactions;
        this.limits = limits;
        this.clock = clock;
    }

    public long maxBytes() {
        return limits.maxMaterialBytes();
    }

    public Material upload(ProviderId provider, MaterialKind kind, byte[] content, String declaredSha256) {
        return upload(provider, kind, MaterialContent.of(content), declaredSha256);
    }

    public Material upload(ProviderId provider, MaterialKind kind, MaterialContent content, String declaredSha256) {
        if (kind == null) {
            throw InvalidInputException.of("header.kind", Reason.REQUIRED, "材料类型必填 / kind is required");
        }
        String declared = Text.identifier(declaredSha256).toLowerCase(Locale.ROOT);
        if (!declared.matches("[0-9a-f]{64}")) {
            throw InvalidInputException.of("header.sha256", Reason.INVALID_FORMAT, "SHA-256 as 64 hex digits");
        }
        if (content.size() == 0) {
            throw InvalidInputException.of("chunk", Reason.MATERIAL_EMPTY, "没有收到任何内容 / no bytes received");
        }
        if (content.size() > limits.maxMaterialBytes()) {
            throw tooLarge(limits.maxMaterialBytes());
        }
        MaterialFormat format;
        try {
            format = MaterialFormat.detect(content.head(MaterialFormat.SIGNATURE_BYTES));
        } catch (InvalidValueException e) {
            throw InvalidInputException.of("chunk", e.reason(), e.getMessage());
        }
        String actual = content.sha256();
        if (!actual.equals(declared)) {
            throw InvalidInputException.of("header.sha256", Reason.DIGEST_MISMATCH,
                    "收到的内容摘要为 " + actual + "，与申报不符 / the bytes received hash differently");
        }
        return transactions.inTransaction(() -> materials.findByContent(provider, kind, actual).orElseGet(() -> {
            Material material = new Material(MaterialId.random(), provider, kind, format, content.size(), actual,
                    clock.instant());
            materials.add(material, content);
            return material;
        }));
    }

    public static InvalidInputException tooLarge(long maxBytes) {
        return InvalidInputException.of("chunk", Reason.MATERIAL_TOO_LARGE,
                "材料不得超过 " + maxBytes + " 字节 / at most " + maxBytes + " bytes");
    }
}
