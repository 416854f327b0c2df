package icp.filing.domain.filing;

import icp.filing.domain.error.InvalidValueException;
import icp.filing.domain.error.Reason;
import java.util.Locale;

/**
 * Why the bureau revokes a filing (撤销备案): each of the guide's nine prohibited-content items (禁止性要求), false
 * information, a shell nobody hosts, or an order of a court or authority.
 */
public enum RevocationReason {
    OPPOSES_CONSTITUTION("反对宪法所确定的基本原则"),
    ENDANGERS_NATIONAL_SECURITY("危害国家安全，泄露国家秘密，颠覆国家政权，破坏国家统一"),
    HARMS_NATIONAL_HONOUR("损害国家荣誉和利益"),
    INCITES_ETHNIC_HATRED("煽动民族仇恨、民族歧视，破坏民族团结"),
    UNDERMINES_RELIGIOUS_POLICY("破坏国家宗教政策，宣扬邪教和封建迷信"),
    SPREADS_RUMOURS("散布谣言，扰乱社会秩序，破坏社会稳定"),
    OBSCENITY_VIOLENCE_CRIME("散布淫秽、色情、赌博、暴力、凶杀、恐怖或者教唆犯罪"),
    INSULTS_OR_SLANDERS("侮辱或者诽谤他人，侵害他人合法权益"),
    OTHER_PROHIBITED_CONTENT("含有法律、行政法规禁止的其他内容"),
    FALSE_INFORMATION("备案信息虚假"),
    SHELL("空壳网站（无接入）"),
    AUTHORITY_ORDER("司法机关或主管部门要求");

    private final String chineseText;

    RevocationReason(String chineseText) {
        this.chineseText = chineseText;
    }

    public String chineseText() {
        return chineseText;
    }

    public static RevocationReason parse(String code) {
        try {
            return valueOf(code == null ? "" : code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(Reason.UNKNOWN_CODE, "未知的撤销原因 / not a revocation reason: see the "
                    + "code tables");
        }
    }
}
