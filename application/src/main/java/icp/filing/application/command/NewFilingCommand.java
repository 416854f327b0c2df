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
                               String certificateValidUntil, String verifiedName) {
    }

    public record PrincipalInput(String name, int certificateTypeCode, String certificateNumber, String phone,
                                 String email, String certificateValidUntil, String verifiedName) {
    }

    public record AccessInput(int methodCode, List<String> ipAddresses, String serverLocationCode) {
    }

    /** One service of the filing; exactly one of the kinds. */
    public sealed interface ServiceInput permits WebsiteInput, AppInput, MiniProgramInput, QuickAppInput {
        String name();

        PrincipalInput principal();

        AccessInput access();
    }

    public record WebsiteInput(String name, List<String> domains, String homeUrl, PrincipalInput principal,
                               AccessInput access) implements ServiceInput {
    }

    public record AppInput(String name, int platformCode, String packageName, String signingFingerprint,
                           PrincipalInput principal, AccessInput access) implements ServiceInput {
    }

    public record MiniProgramInput(String name, String platform, String appId, PrincipalInput principal,
                                   AccessInput access) implements ServiceInput {
    }

    public record QuickAppInput(String name, String packageName, PrincipalInput principal, AccessInput access)
            implements ServiceInput {
    }
}
