package icp.filing.bootstrap.bench;

import icp.filing.domain.identity.CreditCode;
import icp.filing.proto.provider.v1.Access;
import icp.filing.proto.provider.v1.AccessMethod;
import icp.filing.proto.provider.v1.CertificateType;
import icp.filing.proto.provider.v1.DomainHolder;
import icp.filing.proto.provider.v1.MaterialKind;
import icp.filing.proto.provider.v1.NewFiling;
import icp.filing.proto.provider.v1.Principal;
import icp.filing.proto.provider.v1.Service;
import icp.filing.proto.provider.v1.Subject;
import icp.filing.proto.provider.v1.SubjectNature;
import icp.filing.proto.provider.v1.SubmitApplicationRequest;
import icp.filing.proto.provider.v1.Website;
import java.util.Map;

/** Distinct, valid new filings for the benchmark: subject i holds domain bench-i.com.cn. */
final class BenchFilings {
    private BenchFilings() {
    }

    static SubmitApplicationRequest request(int i, Map<MaterialKind, String> materials) {
        String first17 = String.format("91110108%09d", i);
        String code = first17 + CreditCode.checkCharacter(first17);
        String name = "北京基准测试" + i + "号科技有限公司";
        String domain = "bench-" + i + "-" + System.nanoTime() % 100_000 + ".com.cn";
        Principal principal = Principal.newBuilder().setName("张三").setVerifiedName("张三")
                .setCertificateType(CertificateType.CERTIFICATE_TYPE_RESIDENT_ID_CARD)
                .setCertificateNumber("11010519491231002X").setPhone(String.format("138%08d", i))
                .setEmail("bench@example.cn").build();
        return SubmitApplicationRequest.newBuilder().setNewFiling(NewFiling.newBuilder()
                .setSubject(Subject.newBuilder().setNature(SubjectNature.SUBJECT_NATURE_ENTERPRISE).setName(name)
                        .setVerifiedName(name)
                        .setCertificateType(CertificateType.CERTIFICATE_TYPE_UNIFIED_SOCIAL_CREDIT_CODE_CERTIFICATE)
                        .setCertificateNumber(code).setPrincipal(principal)
                        .addMaterialIds(materials.get(MaterialKind.MATERIAL_KIND_SUBJECT_CERTIFICATE))
                        .addMaterialIds(materials.get(MaterialKind.MATERIAL_KIND_SUBJECT_PRINCIPAL_ID))
                        .addMaterialIds(materials.get(MaterialKind.MATERIAL_KIND_VERIFICATION_FORM)))
                .addServices(Service.newBuilder().setName("基准网站").setPrincipal(principal)
                        .setAccess(Access.newBuilder().setMethod(AccessMethod.ACCESS_METHOD_CLOUD))
                        .addMaterialIds(materials.get(MaterialKind.MATERIAL_KIND_SERVICE_PRINCIPAL_ID))
                        .addMaterialIds(materials.get(MaterialKind.MATERIAL_KIND_SERVICE_PRINCIPAL_PHOTO))
                        .setWebsite(Website.newBuilder().addDomains(domain).addDomains("www." + domain)
                                .addDomainHolders(DomainHolder.newBuilder().setDomain(domain).setHolderName(name)
                                        .setHolderCertificateNumber(code)))))
                .build();
    }
}
