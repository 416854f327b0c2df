package icp.filing.domain.subject;

import icp.filing.domain.common.CodeTable;
import icp.filing.domain.error.InvalidValueException;
import icp.filing.domain.error.Reason;
import icp.filing.domain.identity.CertificateType;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Each subject nature is proved by its own certificates (an enterprise by its business licence, a government
 * organ by its credit code or organisation code certificate …). The table is data:
 * code-tables/nature-certificate-types.tsv.
 */
public final class NatureCertificatePolicy {
    private static final Map<SubjectNature, Set<CertificateType>> ALLOWED = load();

    private NatureCertificatePolicy() {
    }

    public static void check(SubjectNature nature, CertificateType type) {
        Set<CertificateType> allowed = ALLOWED.get(nature);
        if (allowed != null && !allowed.contains(type)) {
            throw new InvalidValueException(Reason.CERTIFICATE_TYPE_MISMATCH, "「" + nature.chineseName() + "」不能以"
                    + type.chineseName() + "备案 / not a certificate for this nature; use one of "
                    + allowed.stream().map(CertificateType::chineseName).sorted().collect(Collectors.joining("、")));
        }
    }

    public static Set<CertificateType> allowedFor(SubjectNature nature) {
        return ALLOWED.getOrDefault(nature, Arrays.stream(CertificateType.values())
                .filter(t -> !t.forPerson()).collect(Collectors.toSet()));
    }

    private static Map<SubjectNature, Set<CertificateType>> load() {
        Map<SubjectNature, Set<CertificateType>> table = new EnumMap<>(SubjectNature.class);
        for (String[] row : CodeTable.rows("nature-certificate-types.tsv")) {
            table.put(SubjectNature.byCode(Integer.parseInt(row[0].strip())), Arrays.stream(row[1].split(","))
                    .map(c -> CertificateType.byCode(Integer.parseInt(c.strip())))
                    .collect(Collectors.toUnmodifiableSet()));
        }
        return Map.copyOf(table);
    }
}
