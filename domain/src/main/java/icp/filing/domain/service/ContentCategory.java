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

    public static List<ContentCategory> all() {
        return TABLE;
    }

    public Optional<PreApprovalType> preApproval() {
        return Optional.ofNullable(requiredPreApproval);
    }
}
