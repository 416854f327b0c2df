package icp.filing.application.command;

import java.util.List;

/**
 * A new filing as a provider sends it: raw values, not yet checked. Codes are the code-table numbers;
 * 0 means "not given".
 */
public record NewFilingCommand(String requestId, SubjectInput subject, List<ServiceInput> services) {

    /** {@code certificateValidUntil} is YYYY-MM-DD or empty for 长期; {@code verifiedName} as the verification read it. */
    public record SubjectInput(int natureCode, String name, int certificateTypeCode, String certificateNumber,
                               String provinceCode, String address, PrincipalInput principal,
                               String certificateValidUntil, String verifiedName, List<String> materialIds) {
    }

    public record PrincipalInput(String name, int certificateTypeCode, String certificateNumber, String phone,
                                 String email, String certificateValidUntil, String verifiedName) {
    }

    public record AccessInput(int methodCode, List<String> ipAddresses, String serverLocationCode) {
    }

    /**
     * What every kind of service has: name, principal, access, verification materials, and what it offers:
     * content category codes, language codes and pre-approvals.
     */
    public record ServiceCommon(String name, PrincipalInput principal, AccessInput access, List<String> materialIds,
                                List<Integer> contentCategories, List<String> languages,
                                List<PreApprovalInput> preApprovals) {
        public ServiceCommon(String name, PrincipalInput principal, AccessInput access, List<String> materialIds) {
            this(name, principal, access, materialIds, List.of(), List.of(), List.of());
        }
    }

    /** A pre-approval: type code (0 = not given), authority, approval number and the document's material id. */
    public record PreApprovalInput(int typeCode, String authority, String approvalNumber, String documentMaterialId) {
    }

    /** One service of the filing; exactly one of the kinds. */
    public sealed interface ServiceInput permits WebsiteInput, AppInput, MiniProgramInput, QuickAppInput {
        ServiceCommon common();
    }

    /** {@code domainHolders}: who holds each registrable domain, as the provider's verification recorded it. */
    public record WebsiteInput(ServiceCommon common, List<String> domains, String homeUrl,
                               List<DomainHolderInput> domainHolders) implements ServiceInput {
    }

    /** The holder of a domain (域名持有者) by name and certificate number. */
    public record DomainHolderInput(String domain, String holderName, String holderCertificateNumber) {
    }

    public record AppInput(ServiceCommon common, int platformCode, String packageName, String signingFingerprint)
            implements ServiceInput {
    }

    public record MiniProgramInput(ServiceCommon common, String platform, String appId) implements ServiceInput {
    }

    public record QuickAppInput(ServiceCommon common, String packageName) implements ServiceInput {
    }
}
