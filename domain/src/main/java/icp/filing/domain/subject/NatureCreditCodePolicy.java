package icp.filing.domain.subject;

import icp.filing.domain.common.CodeTable;
import icp.filing.domain.error.InvalidValueException;
import icp.filing.domain.error.Reason;
import icp.filing.domain.identity.CreditCode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A credit code says what kind of unit holds it (91 企业, 11 机关 …); the declared nature must agree. The table is
 * data (code-tables/nature-credit-code-types.tsv), since registration practice changes and varies.
 */
public final class NatureCreditCodePolicy {
    private static final Map<SubjectNature, Set<String>> ALLOWED = load();

    private NatureCreditCodePolicy() {
    }

    public static void check(SubjectNature nature, CreditCode code) {
        Set<String> allowed = ALLOWED.get(nature);
        if (allowed != null && !allowed.contains(code.authorityAndType())) {
            throw new InvalidValueException(Reason.NATURE_MISMATCH, "信用代码类型 " + code.authorityAndType()
                    + " 与主办单位性质「" + nature.chineseName() + "」不符 / the code's unit type does not fit the nature");
        }
    }

    private static Map<SubjectNature, Set<String>> load() {
        Map<SubjectNature, Set<String>> table = new HashMap<>();
        for (String[] row : CodeTable.rows("nature-credit-code-types.tsv")) {
            table.put(SubjectNature.byCode(Integer.parseInt(row[0].strip())),
                    Set.copyOf(List.of(row[1].strip().split(","))));
        }
        return Map.copyOf(table);
    }
}
