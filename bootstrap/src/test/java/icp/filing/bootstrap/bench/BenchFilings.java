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

/**
 * Distinct, valid new filings for the benchmark: subject i holds domain bench-i-….com.cn, and its principal 张三 is a
 * person of its own (identity card and phone), as a register's principals mostly are.
 */
final class BenchFilings {
    private BenchFilings() {
    }

    static String phone(int i) {
        return String.format("138%08d", i);
    }

    /** The last six characters of the identity card of the principal whose phone this is (for the SMS confirmation). */
    static String certificateTail(String phone) {
        String id = principalId(Integer.parseInt(phone.substring(3)));
        return id.substring(id.length() - 6);
    }

    /** A valid identity card number of its own for each i: a birth date from 1950 on and a sequence number. */
    static String principalId(int i) {
        String first17 = "110105" + java.time.LocalDate.of(1950, 1, 1).plusDays(i / 1000)
                .format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", i % 1000);
        return first17 + icp.filing.domain.identity.IdCardNumber.checkCharacter(first17);
    }

    static SubmitApplicationRequest request(int i, Map<MaterialKind, String> materials) {
        String first17 = String.format("91110108%09d", i);
        String code = first17 + CreditCode.checkCharacter(first17);
        String name = "北京基准测试" + i + "号科技有限公司";
        String domain = "bench-" + i + "-" + System.nanoTime() % 100_000 + ".com.cn";
        Principal principal = Principal.newBuilder().setName("张三").setVerifiedName("张三")
                .setCertificateType(CertificateType.CERTIFICATE_TYPE_RESIDENT_ID_CARD)
                .setCertificateNumber(principalId(i)).setPhone(phone(i))
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
