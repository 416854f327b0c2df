package icp.filing.domain.subject;

import icp.filing.domain.error.InvalidValueException;
import icp.filing.domain.error.Reason;
import java.util.Arrays;

/** 主办单位性质, with the codes provider systems use. */
public enum SubjectNature {
    NATIONAL_DEFENSE(1, "国防机构"),
    GOVERNMENT(2, "政府机关"),
    PUBLIC_INSTITUTION(3, "事业单位"),
    ENTERPRISE(4, "企业"),
    PERSON(5, "个人"),
    SOCIAL_ORGANIZATION(6, "社会团体"),
    PRIVATE_NON_ENTERPRISE(9, "民办非企业单位"),
    FOUNDATION(10, "基金会"),
    LAW_FIRM(11, "律师执业机构"),
    FOREIGN_CULTURAL_CENTER(12, "外国在华文化中心"),
    MASS_ORGANIZATION(13, "群众性团体组织"),
    JUDICIAL_EXPERTISE(14, "司法鉴定机构"),
    RELIGIOUS_GROUP(15, "宗教团体"),
    OVERSEAS_ORGANIZATION(16, "境外机构"),
    MEDICAL_INSTITUTION(17, "医疗机构"),
    NOTARY(18, "公证机构"),
    COLLECTIVE_ECONOMY(19, "集体经济"),
    ARBITRATION(20, "仲裁机构");

    private final int code;
    private final String chineseName;

    SubjectNature(int code, String chineseName) {
        this.code = code;
        this.chineseName = chineseName;
    }

    public int code() {
        return code;
    }

    public String chineseName() {
        return chineseName;
    }

    public boolean isPerson() {
        return this == PERSON;
    }

    public static SubjectNature byCode(int code) {
        return Arrays.stream(values()).filter(n -> n.code == code).findFirst()
                .orElseThrow(() -> new InvalidValueException(Reason.UNKNOWN_CODE, "未知主体性质 / unknown subject nature " + code));
    }
}
