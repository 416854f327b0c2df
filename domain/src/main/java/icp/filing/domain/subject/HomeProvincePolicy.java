package icp.filing.domain.subject;

import icp.filing.domain.common.Province;
import icp.filing.domain.error.Reason;
import icp.filing.domain.error.Violation;
import java.util.List;
import java.util.Optional;

/**
 * 主体所在省份: the province whose bureau reviews the subject. It comes from the certificate's region where the number
 * carries one, else from the province declared, else from the certificate address; a declared province or an address
 * in another province is a cross-province filing (跨省备案), which the bureau would return.
 */
public final class HomeProvincePolicy {
    private HomeProvincePolicy() {
    }

    /** The home province, or the violations that leave it undecided. */
    public record Decision(Province home, List<Violation> violations) {
    }

    /**
     * @param fromCertificate the region of the certificate number, if it carries one
     * @param declared        the province the provider declared, or null
     * @param fromAddress     the province the certificate address names, if any
     * @param path            where the subject was given; reports go to its province_code or address
     */
    public static Decision decide(Optional<Province> fromCertificate, Province declared, Optional<Province> fromAddress,
                                  String path) {
        Province home = fromCertificate.or(() -> Optional.ofNullable(declared)).or(() -> fromAddress).orElse(null);
        if (home == null) {
            return refused(path + ".province_code", Reason.REQUIRED,
                    "证件不含地区码时须申报省份或证件地址 / declare the province or the certificate address");
        }
        if (declared != null && declared != home) {
            return refused(path + ".province_code", Reason.CROSS_PROVINCE, crossProvince(home, declared));
        }
        if (fromAddress.isPresent() && fromAddress.get() != home) {
            return refused(path + ".address", Reason.CROSS_PROVINCE, crossProvince(home, fromAddress.get()));
        }
        return new Decision(home, List.of());
    }

    private static Decision refused(String field, Reason reason, String message) {
        return new Decision(null, List.of(new Violation(field, reason, message)));
    }

    private static String crossProvince(Province home, Province other) {
        return "主体所属地区为" + home.chineseName() + "，与" + other.chineseName() + "不一致 / the subject belongs to "
                + home.name() + ", not " + other.name();
    }
}
