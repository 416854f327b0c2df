package icp.filing.domain.common;

import icp.filing.domain.error.InvalidValueException;
import icp.filing.domain.error.Reason;
import java.util.Arrays;
import java.util.Optional;

/** The 31 provincial-level divisions with a communications administration (GB/T 2260 code, abbreviation). */
public enum Province {
    BEIJING("11", "京", "北京"), TIANJIN("12", "津", "天津"), HEBEI("13", "冀", "河北"), SHANXI("14", "晋", "山西"),
    INNER_MONGOLIA("15", "蒙", "内蒙古"), LIAONING("21", "辽", "辽宁"), JILIN("22", "吉", "吉林"),
    HEILONGJIANG("23", "黑", "黑龙江"), SHANGHAI("31", "沪", "上海"), JIANGSU("32", "苏", "江苏"),
    ZHEJIANG("33", "浙", "浙江"), ANHUI("34", "皖", "安徽"), FUJIAN("35", "闽", "福建"), JIANGXI("36", "赣", "江西"),
    SHANDONG("37", "鲁", "山东"), HENAN("41", "豫", "河南"), HUBEI("42", "鄂", "湖北"), HUNAN("43", "湘", "湖南"),
    GUANGDONG("44", "粤", "广东"), GUANGXI("45", "桂", "广西"), HAINAN("46", "琼", "海南"), CHONGQING("50", "渝", "重庆"),
    SICHUAN("51", "蜀", "四川"), GUIZHOU("52", "黔", "贵州"), YUNNAN("53", "滇", "云南"), TIBET("54", "藏", "西藏"),
    SHAANXI("61", "陕", "陕西"), GANSU("62", "陇", "甘肃"), QINGHAI("63", "青", "青海"), NINGXIA("64", "宁", "宁夏"),
    XINJIANG("65", "新", "新疆");

    private final String code;
    private final String abbreviation;
    private final String chineseName;

    Province(String code, String abbreviation, String chineseName) {
        this.code = code;
        this.abbreviation = abbreviation;
        this.chineseName = chineseName;
    }

    public String code() {
        return code;
    }

    public String abbreviation() {
        return abbreviation;
    }

    public String chineseName() {
        return chineseName;
    }

    public static Optional<Province> byCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
    }

    public static Optional<Province> byAbbreviation(String abbreviation) {
        return Arrays.stream(values()).filter(p -> p.abbreviation.equals(abbreviation)).findFirst();
    }

    /** The province of a 6-digit administrative region code (its first two digits). */
    public static Province ofRegion(String regionCode) {
        String prefix = regionCode == null || regionCode.length() < 2 ? "" : regionCode.substring(0, 2);
        return byCode(prefix).orElseThrow(() -> new InvalidValueException(Reason.UNKNOWN_CODE,
                "地区码 " + regionCode + " 不属于任何省级通信管理局 / region " + regionCode
                        + " is not in a province with a communications administration"));
    }

    /** The province an address in mainland China starts with (北京市海淀区… is Beijing), if any. */
    public static Optional<Province> inAddress(String address) {
        if (address == null) {
            return Optional.empty();
        }
        String text = address.strip();
        return Arrays.stream(values()).filter(p -> text.startsWith(p.chineseName)).findFirst();
    }

    /** Accepts the code ("11"), the abbreviation ("京") or the enum name ("BEIJING"). */
    public static Province parse(String raw) {
        String text = Text.identifier(raw);
        if (text.isEmpty()) {
            throw new InvalidValueException(Reason.REQUIRED, "必填 / required");
        }
        return byCode(text).or(() -> byAbbreviation(text))
                .or(() -> Arrays.stream(values()).filter(p -> p.name().equalsIgnoreCase(text)).findFirst())
                .orElseThrow(() -> new InvalidValueException(Reason.UNKNOWN_CODE, "未知省份 / unknown province " + Text.excerpt(text)));
    }
}
