package icp.filing.domain.filing;

import icp.filing.domain.common.Text;
import icp.filing.domain.error.Reason;
import icp.filing.domain.error.Violation;
import icp.filing.domain.subject.Subject;
import java.util.ArrayList;
import java.util.List;

/**
 * What a filed subject may become (变更主体). Address, principal and contacts change freely; the name and the
 * certificate only when the unit itself changed, shown by a new certificate material; the nature and the home
 * province never: a unit that becomes another kind of unit, or moves to another province, cancels and files anew
 * with the bureau now responsible.
 */
public final class SubjectChangePolicy {
    private SubjectChangePolicy() {
    }

    /**
     * @param newCertificateGiven whether the request carries a subject certificate material
     * @param path                where the subject was given, e.g. {@code change_subject.subject}
     */
    public static List<Violation> check(Subject before, Subject after, boolean newCertificateGiven, String path) {
        List<Violation> violations = new ArrayList<>();
        if (before.nature() != after.nature()) {
            violations.add(new Violation(path + ".nature", Reason.SUBJECT_IDENTITY_FIXED,
                    "主体性质不能变更，请注销后重新备案 / the nature cannot change: cancel and file anew"));
        }
        if (before.province() != after.province()) {
            violations.add(new Violation(path + ".province_code", Reason.SUBJECT_IDENTITY_FIXED,
                    "主体所在省份不能变更，请注销后向新省份重新备案 / the home province cannot change: cancel and file "
                            + "anew in the new province"));
        }
        boolean identityChanged = !Text.sameKey(before.name(), after.name())
                || before.certificateType() != after.certificateType()
                || !before.certificateNumber().equals(after.certificateNumber());
        if (identityChanged && !newCertificateGiven) {
            violations.add(new Violation(path + ".material_ids", Reason.MATERIALS_INCOMPLETE,
                    "主体名称或证件变更须提供新的主体证件 / a new name or certificate needs the new certificate as "
                            + "material"));
        }
        if (violations.isEmpty() && before.equals(after)) {
            violations.add(new Violation(path, Reason.NO_CHANGE, "与已备案信息相同 / nothing differs from what is filed"));
        }
        return violations;
    }
}
