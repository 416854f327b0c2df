package icp.filing.application.usecase;

import icp.filing.application.command.NewFilingCommand.AccessInput;
import icp.filing.application.command.NewFilingCommand.AppInput;
import icp.filing.application.command.NewFilingCommand.DomainHolderInput;
import icp.filing.application.command.NewFilingCommand.MiniProgramInput;
import icp.filing.application.command.NewFilingCommand.QuickAppInput;
import icp.filing.application.command.NewFilingCommand.ServiceInput;
import icp.filing.application.command.NewFilingCommand.WebsiteInput;
import icp.filing.application.command.NewFilingCommand;
import icp.filing.domain.common.Province;
import icp.filing.domain.common.Text;
import icp.filing.domain.error.Reason;
import icp.filing.domain.error.Violations;
import icp.filing.domain.material.MaterialId;
import icp.filing.domain.service.Access;
import icp.filing.domain.service.AccessMethod;
import icp.filing.domain.service.App;
import icp.filing.domain.service.AppPlatform;
import icp.filing.domain.service.ContentCategory;
import icp.filing.domain.service.DomainHolderPolicy;
import icp.filing.domain.service.DomainName;
import icp.filing.domain.service.Fingerprint;
import icp.filing.domain.service.IpAddress;
import icp.filing.domain.service.Language;
import icp.filing.domain.service.MiniProgram;
import icp.filing.domain.service.PackageName;
import icp.filing.domain.service.PreApproval;
import icp.filing.domain.service.PreApprovalType;
import icp.filing.domain.service.PublicSuffixes;
import icp.filing.domain.service.QuickApp;
import icp.filing.domain.service.Service;
import icp.filing.domain.service.ServiceContent;
import icp.filing.domain.service.Website;
import icp.filing.domain.subject.Principal;
import icp.filing.domain.subject.Subject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads one service: its kind's identifiers, content and pre-approvals, domains and their holders, access. */
final class ServiceForm extends FormReader {
    private static final int DOMAINS_MAX = 20;
    private static final int IP_ADDRESSES_MAX = 64;
    private final PublicSuffixes publicSuffixes;
    /** The subject as read (null if it has violations); websites check their domain holders against it. */
    private final Subject subject;
    /** Set by {@link #service} for the kind-specific builders, so they need not pass it around. */
    private ServiceContent content = ServiceContent.NONE;

    ServiceForm(Violations violations, LocalDate today, PublicSuffixes publicSuffixes, Subject subject) {
        super(violations, today);
        this.publicSuffixes = publicSuffixes;
        this.subject = subject;
    }

    Service service(String path, ServiceInput in) {
        NewFilingCommand.ServiceCommon common = in.common();
        String name = violations.text(path + ".name", common.name(), NAME_MAX);
        Principal principal = common.principal() == null ? missing(path + ".principal")
                : principal(path + ".principal", common.principal());
        Access access = common.access() == null ? missing(path + ".access") : access(path + ".access", common.access());
        content = content(path, common);
        // Java 17 has no pattern switch yet; the sealed interface keeps this chain complete
        if (in instanceof WebsiteInput w) {
            return website(path, name, w, principal, access);
        } else if (in instanceof AppInput a) {
            return app(path, name, a, principal, access);
        } else if (in instanceof MiniProgramInput m) {
            return miniProgram(path, name, m, principal, access);
        }
        return quickApp(path, name, (QuickAppInput) in, principal, access);
    }

    private ServiceContent content(String path, NewFilingCommand.ServiceCommon common) {
        List<ContentCategory> categories = new ArrayList<>();
        List<Integer> codes = common.contentCategories() == null ? List.of() : common.contentCategories();
        for (int i = 0; i < codes.size(); i++) {
            int code = codes.get(i);
            ContentCategory category = violations.check(path + ".content_categories[" + i + "]",
                    () -> ContentCategory.byCode(code));
            if (category != null && !categories.contains(category)) {
                categories.add(category);
            }
        }
        List<Language> languages = new ArrayList<>();
        List<String> languageCodes = common.languages() == null ? List.of() : common.languages();
        for (int i = 0; i < languageCodes.size(); i++) {
            String code = languageCodes.get(i);
            Language language = violations.check(path + ".languages[" + i + "]", () -> Language.byCode(code));
            if (language != null && !languages.contains(language)) {
                languages.add(language);
            }
        }
        List<PreApproval> preApprovals = new ArrayList<>();
        List<NewFilingCommand.PreApprovalInput> inputs = common.preApprovals() == null ? List.of()
                : common.preApprovals();
        for (int i = 0; i < inputs.size(); i++) {
            PreApproval preApproval = preApproval(path + ".pre_approvals[" + i + "]", inputs.get(i));
            if (preApproval != null) {
                preApprovals.add(preApproval);
            }
        }
        return new ServiceContent(categories, languages, preApprovals);
    }

    private PreApproval preApproval(String path, NewFilingCommand.PreApprovalInput in) {
        PreApprovalType type = code(path + ".type", in.typeCode(), PreApprovalType::byCode);
        String authority = violations.text(path + ".authority", in.authority(), NAME_MAX);
        String number = violations.text(path + ".approval_number", in.approvalNumber(), NAME_MAX);
        MaterialId document = optionalCode(path + ".document_material_id", in.documentMaterialId(), 64) == null
                ? missing(path + ".document_material_id")
                : violations.check(path + ".document_material_id", () -> new MaterialId(in.documentMaterialId()));
        if (type == null || authority == null || number == null || document == null) {
            return null;
        }
        return new PreApproval(type, authority, number, document);
    }

    private Service website(String path, String name, WebsiteInput in, Principal principal, Access access) {
        List<String> raw = in.domains() == null ? List.of() : in.domains();
        if (raw.isEmpty()) {
            violations.add(path + ".website.domains", Reason.REQUIRED, "网站至少一个域名 / at least one domain");
        }
        List<DomainName> domains = new ArrayList<>();
        if (tooMany(path + ".website.domains", raw, DOMAINS_MAX)) {
            return null;
        }
        for (int i = 0; i < raw.size(); i++) {
            String field = path + ".website.domains[" + i + "]";
            String text = raw.get(i);
            DomainName domain = violations.check(field, () -> DomainName.parse(text));
            if (domain != null && publicSuffixes.registrableDomain(domain).isEmpty()) {
                violations.add(field, Reason.DOMAIN_NOT_REGISTRABLE, domain + " 是公共后缀或不在已知后缀之下 / not registrable");
            }
            domains.add(domain);
        }
        if (name == null || principal == null || access == null || domains.contains(null) || domains.isEmpty()) {
            return null;
        }
        checkDomainHolders(path + ".website", domains, in.domainHolders() == null ? List.of() : in.domainHolders());
        if (new HashSet<>(domains).size() != domains.size()) {
            violations.add(path + ".website.domains", Reason.DUPLICATE_DOMAIN_IN_APPLICATION,
                    "同一域名填写了两次 / a domain is listed twice");
            return null;
        }
        String homeUrl = violations.check(path + ".website.home_url", () -> Website.homeUrl(in.homeUrl(), domains));
        if (homeUrl == null) {
            return null;
        }
        return new Website(name, domains, homeUrl, principal, access, content);
    }

    /** Reads the holder records; whether they name the subject is {@link DomainHolderPolicy}'s to say. */
    private void checkDomainHolders(String path, List<DomainName> domains, List<DomainHolderInput> holders) {
        if (subject == null) {
            return;
        }
        List<DomainHolderPolicy.Holder> read = new ArrayList<>();
        for (int i = 0; i < holders.size(); i++) {
            String field = path + ".domain_holders[" + i + "]";
            DomainHolderInput holder = holders.get(i);
            DomainName domain = violations.check(field + ".domain", () -> DomainName.parse(holder.domain()));
            String holderName = violations.check(field + ".holder_name", () -> Text.typed(holder.holderName()));
            if (domain == null || holderName == null) {
                return;
            }
            read.add(new DomainHolderPolicy.Holder(publicSuffixes.registrableDomain(domain).orElse(domain),
                    holderName, holder.holderCertificateNumber()));
        }
        Set<DomainName> registrable = new LinkedHashSet<>();
        domains.forEach(d -> registrable.add(publicSuffixes.registrableDomain(d).orElse(d)));
        DomainHolderPolicy.check(subject, registrable, read, path).forEach(violations::add);
    }

    private Service app(String path, String name, AppInput in, Principal principal, Access access) {
        AppPlatform platform = code(path + ".app.platform", in.platformCode(), AppPlatform::byCode);
        PackageName packageName = platform == null ? null
                : violations.check(path + ".app.package_name", () -> PackageName.forPlatform(platform, in.packageName()));
        Fingerprint fingerprint = violations.check(path + ".app.signing_fingerprint",
                () -> Fingerprint.parse(in.signingFingerprint()));
        if (name == null || principal == null || access == null || packageName == null || fingerprint == null) {
            return null;
        }
        return new App(name, platform, packageName, fingerprint, principal, access, content);
    }

    private Service miniProgram(String path, String name, MiniProgramInput in, Principal principal, Access access) {
        String platform = violations.text(path + ".mini_program.platform", in.platform(), 50);
        String appId = violations.check(path + ".mini_program.app_id", () -> MiniProgram.appId(in.appId()));
        if (name == null || principal == null || access == null || platform == null || appId == null) {
            return null;
        }
        ServiceContent declared = content;
        return violations.check(path + ".mini_program.app_id", () -> new MiniProgram(name, platform, appId, principal, access,
                declared));
    }

    private Service quickApp(String path, String name, QuickAppInput in, Principal principal, Access access) {
        PackageName packageName = violations.check(path + ".quick_app.package_name",
                () -> PackageName.forPlatform(AppPlatform.ANDROID, in.packageName()));
        if (name == null || principal == null || access == null || packageName == null) {
            return null;
        }
        return new QuickApp(name, packageName, principal, access, content);
    }

    Access access(String path, AccessInput in) {
        AccessMethod method = code(path + ".method", in.methodCode(), AccessMethod::byCode);
        List<String> raw = in.ipAddresses() == null ? List.of() : in.ipAddresses();
        List<IpAddress> ips = new ArrayList<>();
        if (tooMany(path + ".ip_addresses", raw, IP_ADDRESSES_MAX)) {
            return null;
        }
        for (int i = 0; i < raw.size(); i++) {
            String text = raw.get(i);
            ips.add(violations.check(path + ".ip_addresses[" + i + "]", () -> IpAddress.parse(text)));
        }
        Province location = optionalCode(path + ".server_location", in.serverLocationCode(), 10) == null ? null
                : violations.check(path + ".server_location", () -> Province.parse(in.serverLocationCode()));
        if (method == null || ips.contains(null)) {
            return null;
        }
        return new Access(method, ips, location);
    }
}
