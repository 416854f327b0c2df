package icp.filing.adapters.persistence;

import icp.filing.domain.common.Province;
import icp.filing.domain.identity.CertificateType;
import icp.filing.domain.identity.EmailAddress;
import icp.filing.domain.identity.PhoneNumber;
import icp.filing.domain.material.MaterialId;
import icp.filing.domain.material.MaterialRef;
import icp.filing.domain.service.Access;
import icp.filing.domain.service.AccessMethod;
import icp.filing.domain.service.App;
import icp.filing.domain.service.AppIdentity;
import icp.filing.domain.service.AppPlatform;
import icp.filing.domain.service.ContentCategory;
import icp.filing.domain.service.DomainName;
import icp.filing.domain.service.Fingerprint;
import icp.filing.domain.service.IpAddress;
import icp.filing.domain.service.Language;
import icp.filing.domain.service.MiniProgram;
import icp.filing.domain.service.PackageName;
import icp.filing.domain.service.PreApproval;
import icp.filing.domain.service.QuickApp;
import icp.filing.domain.service.Service;
import icp.filing.domain.service.ServiceContent;
import icp.filing.domain.service.ServiceKind;
import icp.filing.domain.service.Website;
import icp.filing.domain.subject.Principal;
import java.time.LocalDate;
import java.util.List;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ReportingPolicy;

/**
 * An application's content to its JSON column and back. The value objects are copied field by field by MapStruct;
 * a service, whose kind decides its fields, is written out by kind. Rebuilding trusts what was accepted: code tables
 * through their {@code restore}/{@code byCode}, phones, e-mails, domains and package names through the constructors
 * that take them as stored, and no policy that may change runs again.
 */
@Mapper(componentModel = "jsr330", unmappedTargetPolicy = ReportingPolicy.ERROR)
interface ContentMapper {

    StoredContent.Principal toStored(Principal principal);

    default Principal toPrincipal(StoredContent.Principal p) {
        return new Principal(p.name(), CertificateType.byCode(p.certificateType()), p.certificateNumber(),
                p.certificateValidUntil() == null ? null : LocalDate.parse(p.certificateValidUntil()),
                new PhoneNumber(p.phone()), new EmailAddress(p.email()));
    }

    StoredContent.Access toStored(Access access);

    default Access toAccess(StoredContent.Access a) {
        return new Access(AccessMethod.byCode(a.method()), a.ipAddresses().stream().map(IpAddress::new).toList(),
                a.serverLocation() == null ? null : Province.byCode(a.serverLocation()).orElseThrow());
    }

    @Mapping(target = "documentMaterialId", source = "document")
    StoredContent.PreApproval toStored(PreApproval preApproval);

    default PreApproval toPreApproval(StoredContent.PreApproval p) {
        return new PreApproval(icp.filing.domain.service.PreApprovalType.valueOf(p.type()), p.authority(),
                p.approvalNumber(), new MaterialId(p.documentMaterialId()));
    }

    @Mapping(target = "materialId", source = "id")
    StoredContent.Material toStored(MaterialRef material);

    default MaterialRef toMaterial(StoredContent.Material m) {
        return new MaterialRef(m.servicePosition(), icp.filing.domain.material.MaterialKind.valueOf(m.kind()),
                new MaterialId(m.materialId()));
    }

    default int code(CertificateType type) {
        return type.code();
    }

    default int code(AccessMethod method) {
        return method.code();
    }

    default String value(MaterialId id) {
        return id.value();
    }

    default String value(IpAddress ip) {
        return ip.value();
    }

    default String value(PhoneNumber phone) {
        return phone.value();
    }

    default String value(EmailAddress email) {
        return email.value();
    }

    default String code(Province province) {
        return province == null ? null : province.code();
    }

    default String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    default StoredContent toStored(List<Service> services, List<MaterialRef> materials) {
        return new StoredContent(services.stream().map(this::toStored).toList(),
                materials.stream().map(this::toStored).toList());
    }

    default StoredContent.Service toStored(Service service) {
        AppIdentity identity = service.appIdentity().orElse(null);
        ServiceContent content = service.content();
        return new StoredContent.Service(service.kind().name(), service.name(),
                service instanceof Website w ? w.domains().stream().map(DomainName::ascii).toList() : null,
                service instanceof Website w ? w.homeUrl() : null,
                identity == null ? null : identity.platform(), identity == null ? null : identity.key(),
                service instanceof App app ? app.signingFingerprint().hex() : null,
                toStored(service.principal()), toStored(service.access()),
                content.categories().stream().map(ContentCategory::code).toList(),
                content.languages().stream().map(Language::code).toList(),
                content.preApprovals().stream().map(this::toStored).toList());
    }

    default Service toService(StoredContent.Service s) {
        ServiceContent content = new ServiceContent(
                s.contentCategories().stream().map(ContentCategory::restore).toList(),
                s.languages().stream().map(Language::restore).toList(),
                s.preApprovals().stream().map(this::toPreApproval).toList());
        Principal principal = toPrincipal(s.principal());
        Access access = toAccess(s.access());
        return switch (ServiceKind.valueOf(s.kind())) {
            case WEBSITE -> new Website(s.name(), s.domains().stream().map(DomainName::new).toList(), s.homeUrl(),
                    principal, access, content);
            case APP -> new App(s.name(), AppPlatform.valueOf(s.platform()), new PackageName(s.appKey()),
                    new Fingerprint(s.signingFingerprint()), principal, access, content);
            case MINI_PROGRAM -> new MiniProgram(s.name(), s.platform(), s.appKey(), principal, access, content);
            case QUICK_APP -> new QuickApp(s.name(), new PackageName(s.appKey()), principal, access, content);
        };
    }
}
