package icp.filing.domain.filing;

import icp.filing.domain.common.Text;
import icp.filing.domain.error.Reason;
import icp.filing.domain.error.Violation;
import icp.filing.domain.service.DomainName;
import icp.filing.domain.service.MiniProgram;
import icp.filing.domain.service.QuickApp;
import icp.filing.domain.service.Service;
import icp.filing.domain.service.Website;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * What a filed service may become. 变更网站/APP changes its name, principal, content, pre-approvals and languages; a
 * website's domains may only shrink: a new domain is a new service (新增网站), never a change, because the bureau must
 * verify every domain as it is first filed. What identifies an APP, mini program or quick app never changes.
 */
public final class ServiceChangePolicy {
    private ServiceChangePolicy() {
    }

    /** The violations of a change from {@code before} to {@code after}, reported under {@code path}. */
    public static List<Violation> check(FiledService before, Service after, String path) {
        List<Violation> violations = new ArrayList<>();
        Service filed = before.service();
        if (filed.kind() != after.kind()) {
            violations.add(new Violation(path, Reason.SERVICE_IDENTITY_FIXED, "服务类型不能变更 / a "
                    + filed.kind() + " stays a " + filed.kind() + "; file the other kind as a new service"));
            return violations;
        }
        if (!filed.appIdentity().equals(after.appIdentity())) {
            violations.add(new Violation(path + identityField(after), Reason.SERVICE_IDENTITY_FIXED,
                    "应用标识不能变更 / what identifies the service cannot change; file it as a new service"));
        }
        if (filed instanceof Website was && after instanceof Website is) {
            HashSet<DomainName> allowed = new HashSet<>(was.domains());
            for (int i = 0; i < is.domains().size(); i++) {
                if (!allowed.contains(is.domains().get(i))) {
                    violations.add(new Violation(path + ".website.domains[" + i + "]", Reason.DOMAINS_ONLY_SHRINK,
                            "域名 " + is.domains().get(i) + " 未在该网站备案，新增域名请新增网站 / a change may drop "
                                    + "domains, not add them; file a new website"));
                }
            }
        }
        if (violations.isEmpty() && filed.withAccess(after.access()).equals(after)
                && before.accesses().stream().anyMatch(a -> a.access().equals(after.access()))) {
            violations.add(new Violation(path, Reason.NO_CHANGE, "与已备案信息相同 / nothing differs from what is filed"));
        }
        return violations;
    }

    /**
     * 新增接入: the provider describes the service as its customer gave it; it must be the service filed, by kind,
     * name and what identifies it (a website's domains, an app's identity).
     */
    public static List<Violation> checkSameService(FiledService filed, Service described, String path) {
        Service was = filed.service();
        boolean same = was.kind() == described.kind() && Text.sameKey(was.name(), described.name())
                && was.appIdentity().equals(described.appIdentity())
                && (!(was instanceof Website w) || new HashSet<>(w.domains())
                .equals(new HashSet<>(((Website) described).domains())));
        return same ? List.of() : List.of(new Violation(path, Reason.SERVICE_DATA_MISMATCH,
                "与已备案的服务信息不一致 / the service differs from the one filed under this number (name, "
                        + "domains or identity)"));
    }

    /** Where a service's national identity is given, by the contract's field names. */
    public static String identityField(Service service) {
        if (service instanceof MiniProgram) {
            return ".mini_program.app_id";
        }
        if (service instanceof QuickApp) {
            return ".quick_app.package_name";
        }
        return service instanceof Website ? ".website.domains" : ".app.package_name";
    }
}
