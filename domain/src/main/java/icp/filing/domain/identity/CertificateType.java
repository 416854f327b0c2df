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
                .orElseThrow(() -> new InvalidValueException(Reason.UNKNOWN_CODE, "unknown certificate type " + code));
    }

    /**
     * Checks the number's form for this certificate and returns it normalised. Numbers that carry a check
     * character (credit codes, resident IDs) are verified; the others are checked for their character set.
     */
    public String normalizeNumber(String raw) {
        return switch (this) {
            case UNIFIED_SOCIAL_CREDIT_CODE_CERTIFICATE, BUSINESS_LICENSE -> new CreditCode(raw).value();
            case RESIDENT_ID_CARD, HK_MACAO_RESIDENCE_PERMIT, TAIWAN_RESIDENCE_PERMIT -> new IdCardNumber(raw).value();
            default -> {
                String number = Text.normalize(raw).toUpperCase().replace(" ", "");
                if (number.isEmpty()) {
                    throw new InvalidValueException(Reason.REQUIRED, "必填 / required");
                }
                if (!number.matches("[A-Z0-9()\\-]{5,30}")) {
                    throw new InvalidValueException(Reason.INVALID_FORMAT,
                            chineseName + " number: 5-30 letters, digits, hyphens or brackets");
                }
                yield number;
            }
        };
    }

    /** The province the certificate was issued in, where the number says so. */
    public Optional<Province> regionProvince(String normalizedNumber) {
        return switch (this) {
            case UNIFIED_SOCIAL_CREDIT_CODE_CERTIFICATE, BUSINESS_LICENSE ->
                    Optional.of(new CreditCode(normalizedNumber).province());
            case RESIDENT_ID_CARD -> Optional.of(new IdCardNumber(normalizedNumber).province());
            default -> Optional.empty();
        };
    }
}
