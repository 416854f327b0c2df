package icp.filing.adapters.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import icp.filing.domain.application.ApplicationState;
import icp.filing.domain.application.ReturnReason;
import icp.filing.domain.identity.CertificateType;
import icp.filing.domain.service.AccessMethod;
import icp.filing.domain.service.AppPlatform;
import icp.filing.domain.service.ServiceKind;
import icp.filing.domain.subject.SubjectNature;
import org.junit.jupiter.api.Test;

/**
 * The protobuf contract and the domain's code tables must say the same thing: enum numbers are the
 * code-table codes, and state/reason names match after the enum's prefix.
 */
class ContractAlignmentTest {

    @Test
    void everyDomainStateReasonAndKindHasItsProtoConstant() {
        for (ApplicationState state : ApplicationState.values()) {
            assertNotNull(ApplicationMessages.state(state));
        }
        for (ReturnReason reason : ReturnReason.values()) {
            assertNotNull(icp.filing.proto.provider.v1.ReturnReason.valueOf("RETURN_REASON_" + reason.name()));
        }
        for (icp.filing.domain.material.MaterialKind kind : icp.filing.domain.material.MaterialKind.values()) {
            assertNotNull(icp.filing.proto.provider.v1.MaterialKind.valueOf("MATERIAL_KIND_" + kind.name()));
        }
        for (icp.filing.domain.material.MaterialFormat format : icp.filing.domain.material.MaterialFormat.values()) {
            assertNotNull(icp.filing.proto.provider.v1.MaterialFormat.valueOf("MATERIAL_FORMAT_" + format.name()));
        }
        for (icp.filing.domain.application.Operation operation : icp.filing.domain.application.Operation.values()) {
            assertNotNull(icp.filing.proto.provider.v1.Operation.valueOf("OPERATION_" + operation.name()));
        }
        for (icp.filing.domain.filing.FilingState state : icp.filing.domain.filing.FilingState.values()) {
            assertNotNull(icp.filing.proto.provider.v1.FilingState.valueOf("FILING_STATE_" + state.name()));
        }
        for (ServiceKind kind : ServiceKind.values()) {
            assertNotNull(icp.filing.proto.provider.v1.ServiceKind.valueOf("SERVICE_KIND_" + kind.name()));
        }
    }

    @Test
    void protoEnumNumbersAreTheCodeTableCodes() {
        for (SubjectNature nature : SubjectNature.values()) {
            assertEquals("SUBJECT_NATURE_" + nature.name(),
                    icp.filing.proto.provider.v1.SubjectNature.forNumber(nature.code()).name());
        }
        for (CertificateType type : CertificateType.values()) {
            assertEquals("CERTIFICATE_TYPE_" + type.name(),
                    icp.filing.proto.provider.v1.CertificateType.forNumber(type.code()).name());
        }
        for (AccessMethod method : AccessMethod.values()) {
            assertEquals("ACCESS_METHOD_" + method.name(),
                    icp.filing.proto.provider.v1.AccessMethod.forNumber(method.code()).name());
        }
        for (icp.filing.domain.service.PreApprovalType type : icp.filing.domain.service.PreApprovalType.values()) {
            assertEquals("PRE_APPROVAL_TYPE_" + type.name(),
                    icp.filing.proto.provider.v1.PreApprovalType.forNumber(type.code()).name());
        }
        for (AppPlatform platform : AppPlatform.values()) {
            assertEquals("APP_PLATFORM_" + platform.name(),
                    icp.filing.proto.provider.v1.AppPlatform.forNumber(platform.code()).name());
        }
    }
}
