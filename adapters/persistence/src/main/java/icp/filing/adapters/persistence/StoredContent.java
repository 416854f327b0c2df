package icp.filing.adapters.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * What an application asks for, as its {@code content} JSON column holds it (written and read by micronaut-serde):
 * the services it carries, in order, each with its principal, access and pre-approvals, and the materials it
 * references. Read and written whole with its application; nothing searches inside it (the searched and unique values
 * are columns of their own). Codes are the code tables' codes, dates ISO {@code 2035-06-30}.
 */
@Serdeable
record StoredContent(List<Service> services, List<Material> materials) {

    /** One service; the kind decides which of the optional values are set. */
    @Serdeable
    record Service(String kind, String name, @Nullable List<String> domains, @Nullable String homeUrl,
                   @Nullable String platform, @Nullable String appKey, @Nullable String signingFingerprint,
                   Principal principal, Access access, List<Integer> contentCategories, List<String> languages,
                   List<PreApproval> preApprovals) {
    }

    @Serdeable
    record Principal(String name, int certificateType, String certificateNumber, @Nullable String certificateValidUntil,
                     String phone, String email) {
    }

    @Serdeable
    record Access(int method, List<String> ipAddresses, @Nullable String serverLocation) {
    }

    @Serdeable
    record PreApproval(String type, String authority, String approvalNumber, String documentMaterialId) {
    }

    /** A material referenced; no service position is the subject's. */
    @Serdeable
    record Material(@Nullable Integer servicePosition, String kind, String materialId) {
    }
}
