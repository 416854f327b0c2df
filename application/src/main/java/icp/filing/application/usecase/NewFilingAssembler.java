package icp.filing.application.usecase;

import icp.filing.application.command.NewFilingCommand;
import icp.filing.application.command.NewFilingCommand.AccessInput;
import icp.filing.application.command.NewFilingCommand.AppInput;
import icp.filing.application.command.NewFilingCommand.DomainHolderInput;
import icp.filing.application.command.NewFilingCommand.MiniProgramInput;
import icp.filing.application.command.NewFilingCommand.PrincipalInput;
import icp.filing.application.command.NewFilingCommand.QuickAppInput;
import icp.filing.application.command.NewFilingCommand.ServiceInput;
import icp.filing.application.command.NewFilingCommand.SubjectInput;
import icp.filing.application.command.NewFilingCommand.WebsiteInput;
import icp.filing.domain.common.Province;
import icp.filing.domain.common.Text;
import icp.filing.domain.error.InvalidValueException;
import icp.filing.domain.error.Reason;
import icp.filing.domain.error.Violations;
import icp.filing.domain.identity.CertificateType;
import icp.filing.domain.identity.EmailAddress;
import icp.filing.domain.identity.PhoneNumber;
import icp.filing.domain.material.MaterialId;
import icp.filing.domain.service.Access;
import icp.filing.domain.service.ContentCategory;
import icp.filing.domain.service.Language;
import icp.filing.domain.service.PreApproval;
import icp.filing.domain.service.PreApprovalType;
import icp.filing.domain.service.ServiceContent;
import icp.filing.domain.service.AccessMethod;
import icp.filing.domain.service.App;
import icp.filing.domain.service.AppPlatform;
import icp.filing.domain.service.DomainName;
import icp.filing.domain.service.Fingerprint;
import icp.filing.domain.service.IpAddress;
import icp.filing.domain.service.MiniProgram;
import icp.filing.domain.service.PackageName;
import icp.filing.domain.service.PublicSuffixes;
import icp.filing.domain.service.QuickApp;
import icp.filing.domain.service.Service;
import icp.filing.domain.service.Website;
import icp.filing.domain.subject.Principal;
import icp.filing.domain.subject.Subject;
import icp.filing.domain.subject.SubjectNature;
import icp.filing.domain.subject.CertificateValidityPolicy;
import icp.filing.domain.subject.NatureCertificatePolicy;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a provider's raw input into domain objects, collecting every violation with its field path
 * (subject.principal.phone, services[1].domains[0] …) so one answer lists all that is wrong.
 */
final class NewFilingAssembler {
    private static final int NAME_MAX = 100;
    /** Bounds that keep one request from costing the system more than any real filing needs. */
    private static final int SERVICES_MAX = 50;
    private static final int DOMAINS_MAX = 20;
    private static final int IP_ADDRESSES_MAX = 64;
    private static final int MATERIALS_MAX = 20;
    private final PublicSuffixes publicSuffixes;
    private final LocalDate today;
    private final Violations violations = new Violations();

    /** @param today today in China, against which certificate validity is judged */
    NewFilingAssembler(PublicSuffixes publicSuffixes, LocalDate today) {
        this.publicSuffixes = publicSuffixes;
        this.today = today;
    }

    /** The domain objects, and the material ids given for the subject and for each service (checked later). */
    record Assembled(Subject subject, List<Service> services, List<MaterialId> subjectMaterials,
                     List<List<MaterialId>> serviceMaterials) {
    }

    Assembled assemble(NewFilingCommand command) {
        if (command.requestId() != null && command.requestId().length() > 64) {
            violations.add("request_id", Reason.TOO_LONG, "at most 64 characters");
        }
        Subject subject = command.subject() == null ? missing("subject") : subject(command.subject());
        this.subject = subject;
        List<Service> services = new ArrayList<>();
        List<ServiceInput> inputs = command.services() == null ? List.of() : command.services();
        if (inputs.isEmpty()) {
            violations.add("services", Reason.NO_SERVICE, "首次备案至少包含一个服务 / at least one service");
        }
        if (tooMany("services", inputs, SERVICES_MAX)) {
            violations.throwIfAny();
        }
        List<List<MaterialId>> serviceMaterials = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            services.add(service("services[" + i + "]", inputs.get(i)));
            List<MaterialId> materials = new ArrayList<>(
                    materialIds("services[" + i + "].material_ids", inputs.get(i).common().materialIds()));
            // a pre-approval's document is one of the service's materials too
            Service built = services.get(i);
            if (built != null) {
                built.content().preApprovals().stream().map(PreApproval::document)
                        .filter(id -> !materials.contains(id)).forEach(materials::add);
            }
            serviceMaterials.add(materials);
        }
        List<MaterialId> subjectMaterials = command.subject() == null ? List.of()
                : materialIds("subject.material_ids", command.subject().materialIds());
        violations.throwIfAny();
        return new Assembled(subject, services, subjectMaterials, serviceMaterials);
    }

    private Subject subject(SubjectInput in) {
        SubjectNature nature = code("subject.nature", in.natureCode(), SubjectNature::byCode);
        String name = violations.text("subject.name", in.name(), NAME_MAX);
        CertificateType type = code("subject.certificate_type", in.certificateTypeCode(), CertificateType::byCode);
        if (nature != null && type != null) {
            violations.check("subject.certificate_type", () -> {
                NatureCertificatePolicy.check(nature, type);
                return type;
            });
        }
        String number = type == null ? null
                : violations.check("subject.certificate_number", () -> type.normalizeNumber(in.certificateNumber()));
        Province province = homeProvince(in, type, number);
        LocalDate validUntil = validity("subject", type, number, in.certificateValidUntil());
        verifiedName("subject", name, in.verifiedName());
        Principal principal = in.principal() == null ? missing("subject.principal")
                : principal("subject.principal", in.principal());
        if (nature == null || name == null || number == null || province == null || principal == null) {
            return null;
        }
        return violations.check("subject", () -> new Subject(nature, name, type, number, validUntil, province,
                Text.optional(in.address()), principal));
    }

    /** The certificate's last valid day (null for 长期), checked against today; violations go on the date field. */
    private LocalDate validity(String path, CertificateType type, String number, String raw) {
        String field = path + ".certificate_valid_until";
        String text = Text.optional(raw);
        LocalDate validUntil = null;
        if (text != null) {
            validUntil = violations.check(field, () -> parseDate(text));
            if (validUntil == null) {
                return null;
            }
        }
        if (type != null && number != null) {
            LocalDate checked = validUntil;
            violations.check(field, () -> {
                CertificateValidityPolicy.check(type, number, checked, today);
                return checked;
            });
        }
        return validUntil;
    }

    /** The name given must be the name the provider's verification read on the certificate. */
    private void verifiedName(String path, String name, String verifiedRaw) {
        String verified = violations.text(path + ".verified_name", verifiedRaw, NAME_MAX);
        if (name != null && verified != null && !name.equals(verified)) {
            violations.add(path + ".name", Reason.NAME_MISMATCH,
                    "名称与核验证件上的名称不一致 / differs from the name on the verified certificate");
        }
    }

    private static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(Reason.INVALID_DATE, "日期格式应为 YYYY-MM-DD");
        }
    }

    /**
     * The home province comes from the certificate's region where the number carries one; a declared
     * province must agree with it, since the bureau of that province is the one that reviews.
     */
    private Province homeProvince(SubjectInput in, CertificateType type, String number) {
        Province declared = Text.optional(in.provinceCode()) == null ? null
                : violations.check("subject.province", () -> Province.parse(in.provinceCode()));
        if (type == null || number == null || (declared == null && Text.optional(in.provinceCode()) != null)) {
            return declared;
        }
        Optional<Province> fromCertificate;
        try {
            fromCertificate = type.regionProvince(number);
        } catch (InvalidValueException e) {
            violations.add("subject.certificate_number", e.reason(), e.getMessage());
            return null;
        }
        Optional<Province> fromAddress = Province.inAddress(Text.normalize(in.address()));
        Province home = fromCertificate.or(() -> Optional.ofNullable(declared)).or(() -> fromAddress).orElse(null);
        if (home == null) {
            violations.add("subject.province", Reason.REQUIRED,
                    "证件不含地区码时须申报省份或证件地址 / declare the province or the certificate address");
            return null;
        }
        if (declared != null && declared != home) {
            violations.add("subject.province", Reason.CROSS_PROVINCE, crossProvince(home, declared));
            return null;
        }
        if (fromAddress.isPresent() && fromAddress.get() != home) {
            violations.add("subject.address", Reason.CROSS_PROVINCE, crossProvince(home, fromAddress.get()));
            return null;
        }
        return home;
    }

    private static String crossProvince(Province home, Province other) {
        return "主体所属地区为" + home.chineseName() + "，与" + other.chineseName() + "不一致 / the subject belongs to "
                + home.name() + ", not " + other.name();
    }

    private Principal principal(String path, PrincipalInput in) {
        String name = violations.text(path + ".name", in.name(), 50);
        CertificateType type = code(path + ".certificate_type", in.certificateTypeCode(), CertificateType::byCode);
        if (type != null && !type.forPerson()) {
            violations.add(path + ".certificate_type", Reason.CERTIFICATE_TYPE_MISMATCH,
                    "负责人须使用个人证件 / a principal needs a personal certificate");
            return null;
        }
        String number = type == null ? null
                : violations.check(path + ".certificate_number", () -> type.normalizeNumber(in.certificateNumber()));
        LocalDate validUntil = validity(path, type, number, in.certificateValidUntil());
        verifiedName(path, name, in.verifiedName());
        PhoneNumber phone = violations.check(path + ".phone", () -> new PhoneNumber(in.phone()));
        EmailAddress email = violations.check(path + ".email", () -> new EmailAddress(in.email()));
        if (name == null || number == null || phone == null || email == null) {
            return null;
        }
        return new Principal(name, type, number, validUntil, phone, email);
    }

    private List<MaterialId> materialIds(String field, List<String> raw) {
        List<String> ids = raw == null ? List.of() : raw;
        if (tooMany(field, ids, MATERIALS_MAX)) {
            return List.of();
        }
        List<MaterialId> parsed = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            MaterialId materialId = violations.check(field + "[" + i + "]", () -> new MaterialId(id));
            if (materialId != null) {
                parsed.add(materialId);
            }
        }
        return parsed;
    }

    private Service service(String path, ServiceInput in) {
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

    /** The subject as assembled (null if it has violations); websites check their domain holders against it. */
    private Subject subject;

    /** Set by {@link #service} for the kind-specific builders, so they need not pass it around. */
    private ServiceContent content = ServiceContent.NONE;

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
        MaterialId document = Text.optional(in.documentMaterialId()) == null
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
            violations.add(path + ".domains", Reason.REQUIRED, "网站至少一个域名 / at least one domain");
        }
        List<DomainName> domains = new ArrayList<>();
        if (tooMany(path + ".domains", raw, DOMAINS_MAX)) {
            return null;
        }
        for (int i = 0; i < raw.size(); i++) {
            String field = path + ".domains[" + i + "]";
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
        checkDomainHolders(path, domains, in.domainHolders() == null ? List.of() : in.domainHolders());
        ServiceContent declared = content;
        return violations.check(path, () -> new Website(name, domains, in.homeUrl(), principal, access, declared));
    }

    /**
     * 域名持有者: every registrable domain of the website needs a holder record, and the holder must be the subject
     * itself, by name and certificate number. The refusal never says who the holder is instead.
     */
    private void checkDomainHolders(String path, List<DomainName> domains, List<DomainHolderInput> holders) {
        if (subject == null) {
            return;
        }
        List<DomainName> held = new ArrayList<>();
        for (int i = 0; i < holders.size(); i++) {
            String field = path + ".domain_holders[" + i + "]";
            DomainHolderInput holder = holders.get(i);
            DomainName domain = violations.check(field + ".domain", () -> DomainName.parse(holder.domain()));
            if (domain == null) {
                continue;
            }
            publicSuffixes.registrableDomain(domain).ifPresent(held::add);
            String holderName = Text.normalize(holder.holderName());
            if (!holderName.equals(subject.name()) || !sameCertificate(holder.holderCertificateNumber())) {
                violations.add(field, Reason.DOMAIN_HOLDER_MISMATCH,
                        "域名持有者与主办者不一致 / the domain holder is not the subject");
            }
        }
        for (DomainName domain : domains) {
            DomainName registrable = publicSuffixes.registrableDomain(domain).orElse(domain);
            if (!held.contains(registrable)) {
                held.add(registrable);
                violations.add(path + ".domain_holders", Reason.REQUIRED,
                        "缺少域名 " + registrable + " 的持有者信息 / holder of " + registrable + " is required");
            }
        }
    }

    /** Compares in the subject certificate's own normal form, so "d2143569x" and "D2143569-X" are one number. */
    private boolean sameCertificate(String raw) {
        try {
            return subject.certificateType().normalizeNumber(raw).equals(subject.certificateNumber());
        } catch (InvalidValueException e) {
            return false;
        }
    }

    private Service app(String path, String name, AppInput in, Principal principal, Access access) {
        AppPlatform platform = code(path + ".platform", in.platformCode(), AppPlatform::byCode);
        PackageName packageName = platform == null ? null
                : violations.check(path + ".package_name", () -> PackageName.forPlatform(platform, in.packageName()));
        Fingerprint fingerprint = violations.check(path + ".signing_fingerprint",
                () -> new Fingerprint(in.signingFingerprint()));
        if (name == null || principal == null || access == null || packageName == null || fingerprint == null) {
            return null;
        }
        return new App(name, platform, packageName, fingerprint, principal, access, content);
    }

    private Service miniProgram(String path, String name, MiniProgramInput in, Principal principal, Access access) {
        String platform = violations.text(path + ".platform", in.platform(), 50);
        String appId = violations.text(path + ".app_id", in.appId(), 64);
        if (name == null || principal == null || access == null || platform == null || appId == null) {
            return null;
        }
        ServiceContent declared = content;
        return violations.check(path + ".app_id", () -> new MiniProgram(name, platform, appId, principal, access,
                declared));
    }

    private Service quickApp(String path, String name, QuickAppInput in, Principal principal, Access access) {
        PackageName packageName = violations.check(path + ".package_name",
                () -> PackageName.forPlatform(AppPlatform.ANDROID, in.packageName()));
        if (name == null || principal == null || access == null || packageName == null) {
            return null;
        }
        return new QuickApp(name, packageName, principal, access, content);
    }

    private Access access(String path, AccessInput in) {
        AccessMethod method = code(path + ".method", in.methodCode(), AccessMethod::byCode);
        List<String> raw = in.ipAddresses() == null ? List.of() : in.ipAddresses();
        List<IpAddress> ips = new ArrayList<>();
        if (tooMany(path + ".ip_addresses", raw, IP_ADDRESSES_MAX)) {
            return null;
        }
        for (int i = 0; i < raw.size(); i++) {
            String text = raw.get(i);
            ips.add(violations.check(path + ".ip_addresses[" + i + "]", () -> new IpAddress(text)));
        }
        Province location = Text.optional(in.serverLocationCode()) == null ? null
                : violations.check(path + ".server_location", () -> Province.parse(in.serverLocationCode()));
        if (method == null || ips.contains(null)) {
            return null;
        }
        return new Access(method, ips, location);
    }

    private <T> T code(String field, int code, java.util.function.IntFunction<T> lookup) {
        if (code == 0) {
            violations.add(field, Reason.REQUIRED, "必填 / required");
            return null;
        }
        return violations.check(field, () -> lookup.apply(code));
    }

    private boolean tooMany(String field, List<?> items, int max) {
        if (items.size() > max) {
            violations.add(field, Reason.TOO_MANY, "at most " + max + " entries");
            return true;
        }
        return false;
    }

    private <T> T missing(String field) {
        violations.add(field, Reason.REQUIRED, "必填 / required");
        return null;
    }
}
