package icp.filing.domain.identity;

import icp.filing.domain.common.Province;
import icp.filing.domain.common.Text;
import icp.filing.domain.error.InvalidValueException;
import icp.filing.domain.error.Reason;
import java.util.Arrays;
import java.util.Optional;

/**
 * Certificates that identify a subject or a person. The code is the number used on the wire
 * (protobuf enum numbers and JSON); it never changes meaning.
 */
public enum CertificateType {
    // units (单位)
    UNIFIED_SOCIAL_CREDIT_CODE_CERTIFICATE(1, "统一社会信用代码证书", Holder.UNIT),
    BUSINESS_LICENSE(2, "营业执照", Holder.UNIT),
    ORGANIZATION_CODE_CERTIFICATE(3, "组织机构代码证", Holder.UNIT),
    PUBLIC_INSTITUTION_LEGAL_PERSON_CERTIFICATE(4, "事业单位法人证书", Holder.UNIT),
    SOCIAL_ORGANIZATION_LEGAL_PERSON_CERTIFICATE(5, "社会团体法人登记证书", Holder.UNIT),
    MILITARY_UNIT_CODE(6, "军队代号", Holder.UNIT),
    // persons (个人)
    RESIDENT_ID_CARD(101, "居民身份证", Holder.PERSON),
    PASSPORT(102, "护照", Holder.PERSON),
    TAIWAN_COMPATRIOT_PERMIT(103, "台湾居民来往大陆通行证", Holder.PERSON),
    HK_MACAO_HOME_RETURN_PERMIT(104, "港澳居民来往内地通行证", Holder.PERSON),
    FOREIGNER_PERMANENT_RESIDENCE_CARD(105, "外国人永久居留身份证", Holder.PERSON),
    HK_MACAO_RESIDENCE_PERMIT(106, "港澳居民居住证", Holder.PERSON),
    TAIWAN_RESIDENCE_PERMIT(107, "台湾居民居住证", Holder.PERSON);

    public enum Holder { UNIT, PERSON }

    private final int code;
    private final String chineseName;
    private final Holder holder;

    CertificateType(int code, String chineseName, Holder holder) {
        this.code = code;
        this.chineseName = chineseName;
        this.holder = holder;
    }

    public int code() {
        return code;
    }

    public String chineseName() {
        return chineseName;
    }

    public Holder holder() {
        return holder;
    }

    public boolean forPerson() {
        return holder == Holder.PERSON;
    }

    public static CertificateType byCode(int code) {
        return Arrays.stream(values()).filter(t -> t.code == code).findFirst()
                .orElseThrow(() -> new InvalidValueException(Reason.UNKNOWN_CODE, "未知证件类型 / unknown certificate type " + code));
    }

    /**
     * Checks the number's form for this certificate and returns it normalised. Numbers with a check
     * character (credit codes, resident IDs, organisation codes) are verified; the others by their format.
     */
    public String normalizeNumber(String raw) {
        String number = Text.identifier(raw).toUpperCase().replace(" ", "");
        if (number.isEmpty()) {
            throw new InvalidValueException(Reason.REQUIRED, "必填 / required");
        }
        return switch (this) {
            case UNIFIED_SOCIAL_CREDIT_CODE_CERTIFICATE -> new CreditCode(number).value();
            // a licence issued before the credit code carries a 15-digit registration number (注册号)
            case BUSINESS_LICENSE -> number.matches("\\d{15}") ? number : new CreditCode(number).value();
            case PUBLIC_INSTITUTION_LEGAL_PERSON_CERTIFICATE, SOCIAL_ORGANIZATION_LEGAL_PERSON_CERTIFICATE ->
                    number.length() == 18 ? new CreditCode(number).value() : format(number, "[A-Z0-9()\\-]{5,30}");
            case ORGANIZATION_CODE_CERTIFICATE -> new OrganizationCode(number).value();
            case RESIDENT_ID_CARD -> mainlandId(number);
            case HK_MACAO_RESIDENCE_PERMIT -> idWithRegion(number, "81", "82");
            case TAIWAN_RESIDENCE_PERMIT -> idWithRegion(number, "83");
            case PASSPORT -> format(number, "[A-Z0-9]{5,17}");
            case HK_MACAO_HOME_RETURN_PERMIT -> format(number, "[HM]\\d{8}(\\d{2})?");
            case TAIWAN_COMPATRIOT_PERMIT -> format(number, "\\d{8}(\\d{2})?");
            case FOREIGNER_PERMANENT_RESIDENCE_CARD -> format(number, "[A-Z]{3}\\d{12}|9\\d{16}[0-9X]");
            case MILITARY_UNIT_CODE -> format(number, "[A-Z0-9()\\-]{5,30}");
        };
    }

    /**
     * Certificates from before the unified social credit code (组织机构代码证, 法人证书 and 营业执照 without the code):
     * still accepted, but only with more than 3 months of validity left.
     */
    public boolean isLegacy(String normalizedNumber) {
        return switch (this) {
            case ORGANIZATION_CODE_CERTIFICATE -> true;
            case BUSINESS_LICENSE, PUBLIC_INSTITUTION_LEGAL_PERSON_CERTIFICATE,
                    SOCIAL_ORGANIZATION_LEGAL_PERSON_CERTIFICATE -> normalizedNumber.length() != 18;
            default -> false;
        };
    }

    /** True when the number is a unified social credit code, whose type characters can be checked. */
    public boolean carriesCreditCode(String normalizedNumber) {
        return holder == Holder.UNIT && normalizedNumber.length() == 18 && this != MILITARY_UNIT_CODE;
    }

    private String format(String number, String pattern) {
        if (!number.matches(pattern)) {
            throw new InvalidValueException(Reason.INVALID_FORMAT, chineseName + "号码格式不正确 / wrong format");
        }
        return number;
    }

    private static String mainlandId(String number) {
        IdCardNumber id = new IdCardNumber(number);
        // the region must be a mainland province: 81-83 are the residence permits of HK, Macao and Taiwan
        try {
            id.province();
        } catch (InvalidValueException e) {
            throw new InvalidValueException(Reason.INVALID_ID_CARD_NUMBER, "身份证号码无效 / invalid resident ID number: region "
                    + id.regionCode() + " is not in mainland China");
        }
        return id.value();
    }

    private String idWithRegion(String number, String... regions) {
        IdCardNumber id = new IdCardNumber(number);
        for (String region : regions) {
            if (id.value().startsWith(region + "0000")) {
                return id.value();
            }
        }
        throw new InvalidValueException(Reason.INVALID_FORMAT, chineseName + "号码应以 " + String.join("0000/", regions)
                + "0000 开头 / must start with " + String.join("0000 or ", regions) + "0000");
    }

    /**
     * What identifies the holder whatever document carries the number: a unit is its organisation code (standing in
     * characters 9-17 of its credit code, or alone on a 组织机构代码证), a person their identity number. Other numbers
     * (a 15-digit registration number, a passport) identify only with their type.
     */
    public String identityKey(String normalizedNumber) {
        if (carriesCreditCode(normalizedNumber)) {
            // characters 9-17 (主体标识码), read without re-checking: a stored number keys as it did when accepted
            return "UNIT:" + normalizedNumber.substring(8, 17);
        }
        return switch (this) {
            case ORGANIZATION_CODE_CERTIFICATE -> "UNIT:" + normalizedNumber.replace("-", "");
            case RESIDENT_ID_CARD, HK_MACAO_RESIDENCE_PERMIT, TAIWAN_RESIDENCE_PERMIT -> "PERSON:" + normalizedNumber;
            default -> code + ":" + normalizedNumber;
        };
    }

    /** The province the certificate was issued in, where the number says so. */
    public Optional<Province> regionProvince(String normalizedNumber) {
        return switch (this) {
            case UNIFIED_SOCIAL_CREDIT_CODE_CERTIFICATE, BUSINESS_LICENSE ->
                    new CreditCode(normalizedNumber).province();
            case RESIDENT_ID_CARD -> Optional.of(new IdCardNumber(normalizedNumber).province());
            default -> Optional.empty();
        };
    }
}
