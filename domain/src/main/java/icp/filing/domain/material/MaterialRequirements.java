package icp.filing.domain.material;

import icp.filing.domain.service.Service;
import icp.filing.domain.subject.Subject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * 申请材料: which documents a filing must carry. A unit shows its certificate; every filing has the subject
 * principal's ID and the signed verification form; every service its principal's ID and on-site photo.
 * Conditional documents (pre-approval, name approval) are added by the rules that need them.
 */
public final class MaterialRequirements {
    private MaterialRequirements() {
    }

    public static Set<MaterialKind> forSubject(Subject subject) {
        Set<MaterialKind> kinds = EnumSet.of(MaterialKind.SUBJECT_PRINCIPAL_ID, MaterialKind.VERIFICATION_FORM);
        if (!subject.isPerson()) {
            kinds.add(MaterialKind.SUBJECT_CERTIFICATE);
        }
        return kinds;
    }

    public static Set<MaterialKind> forService(Service service) {
        return EnumSet.of(MaterialKind.SERVICE_PRINCIPAL_ID, MaterialKind.SERVICE_PRINCIPAL_PHOTO);
    }

    /** The required kinds missing from what was referenced for one owner. */
    public static List<MaterialKind> missing(Set<MaterialKind> required, List<MaterialKind> referenced) {
        List<MaterialKind> missing = new ArrayList<>();
        for (MaterialKind kind : required) {
            if (!referenced.contains(kind)) {
                missing.add(kind);
            }
        }
        return missing;
    }
}
