package icp.filing.domain.service;

import icp.filing.domain.common.CodeTable;
import icp.filing.domain.common.Text;
import icp.filing.domain.error.InvalidValueException;
import icp.filing.domain.error.Reason;
import java.util.List;

/** 网站语言, from the code table languages.tsv. */
public record Language(String code, String name) {
    private static final List<Language> TABLE = CodeTable.rows("languages.tsv").stream()
            .map(r -> new Language(r[0].strip(), r[1].strip())).toList();

    public static Language byCode(String code) {
        return TABLE.stream().filter(l -> l.code.equalsIgnoreCase(code == null ? "" : code.strip())).findFirst()
                .orElseThrow(() -> new InvalidValueException(Reason.UNKNOWN_CODE, "未知语种 / unknown language " + Text.excerpt(code)));
    }

    /** A stored language: as the table has it, or the code alone if the table no longer lists it. */
    public static Language restore(String code) {
        return TABLE.stream().filter(l -> l.code.equalsIgnoreCase(code)).findFirst()
                .orElseGet(() -> new Language(code, code));
    }

    public static List<Language> all() {
        return TABLE;
    }
}
