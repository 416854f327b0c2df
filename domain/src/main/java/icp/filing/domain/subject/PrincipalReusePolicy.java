package icp.filing.domain.subject;

import icp.filing.domain.error.Reason;
import icp.filing.domain.error.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * One person's certificate or phone behind many subjects is a mark of filings bought or borrowed: a subject principal
 * may serve at most {@code max} subjects (open or filed), counted by certificate and by phone apart.
 */
public final class PrincipalReusePolicy {
    private final int max;

    public PrincipalReusePolicy(int max) {
        this.max = max;
    }

    /**
     * @param otherSubjectsByCertificate how many other subjects name a principal with this certificate number
     * @param otherSubjectsByPhone       how many other subjects name a principal with this phone
     * @param path                       where the principal was given
     */
    public List<Violation> check(long otherSubjectsByCertificate, long otherSubjectsByPhone, String path) {
        List<Violation> violations = new ArrayList<>();
        if (otherSubjectsByCertificate >= max) {
            violations.add(new Violation(path + ".certificate_number", Reason.PRINCIPAL_OVERUSED,
                    "该负责人证件已用于 " + max + " 个主体 / already serves " + max + " subjects"));
        }
        if (otherSubjectsByPhone >= max) {
            violations.add(new Violation(path + ".phone", Reason.PRINCIPAL_OVERUSED,
                    "该负责人手机号已用于 " + max + " 个主体 / already serves " + max + " subjects"));
        }
        return violations;
    }
}
