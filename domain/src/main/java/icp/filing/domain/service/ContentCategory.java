package icp.filing.domain.service;

import icp.filing.domain.common.CodeTable;
import icp.filing.domain.error.InvalidValueException;
import icp.filing.domain.error.Reason;
import java.util.List;
import java.util.Optional;

/** 网站内容类别, from the code table website-content-categories.tsv, with the pre-approval it calls for. */
public record ContentCategory(int code, String name, PreApprovalType requiredPreApproval) {
    private static final List<ContentCategory> TABLE = CodeTable.rows("website-content-categories.tsv").stream()
            .map(r -> new ContentCategory(Integer.parseInt(r[0].strip()), r[1].strip(),
                    r[2].strip().equals("-") ? null : PreApprovalType.valueOf(r[2].strip())))
            .toList();

    public static ContentCategory byCode(int code) {
        return TABLE.stream().filter(c -> c.code == code).findFirst()
                .orElseThrow(() -> new InvalidValueException(Reason.UNKNOWN_CODE, "未知内容类别 / unknown content category " + code));
    }

    /**
     * A stored category: as the table has it, or, if the table no longer lists the code, the code alone, so that what
     * was accepted still loads (and shows that its category has been withdrawn).
     */
    public static ContentCategory restore(int code) {
        return TABLE.stream().filter(c -> c.code == code).findFirst()
                .orElseGet(() -> new ContentCategory(code, "已停用的类别 " + code, null));
    }

    public static List<ContentCategory> all() {
        return TABLE;
    }

    public Optional<PreApprovalType> preApproval() {
        return Optional.ofNullable(requiredPreApproval);
    }
}
