package icp.filing.adapters.rest;

import icp.filing.application.usecase.ReviewMaterials;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** A material of an application as a reviewer lists it; the bytes are a separate download. */
@Serdeable
record MaterialView(String materialId, String kind, String kindName, String owner, String format, String mediaType,
                    long sizeBytes, String sha256, Instant uploadedAt) {
    static MaterialView of(ReviewMaterials.Listed listed) {
        var ref = listed.ref();
        var material = listed.material();
        return new MaterialView(material.id().value(), ref.kind().name(), ref.kind().chineseName(),
                ref.ofSubject() ? "subject" : "services[" + ref.servicePosition() + "]", material.format().name(),
                material.format().mediaType(), material.sizeBytes(), material.sha256(), material.uploadedAt());
    }
}
