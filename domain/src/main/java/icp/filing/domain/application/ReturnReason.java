package icp.filing.domain.application;

import icp.filing.domain.common.Text;
import icp.filing.domain.error.InvalidValueException;
import icp.filing.domain.error.Reason;

/** Why a bureau returns an application, as coded reasons providers can act on automatically. */
public enum ReturnReason {
    DOMAIN_NOT_IN_REGISTRAR_DATABASE("域名不在注册局核验库中"),
    DOMAIN_NOT_REAL_NAME_VERIFIED("域名未实名认证"),
    DOMAIN_HOLDER_MISMATCH("域名持有者与主办者不一致"),
    UNACCEPTABLE_SERVICE_NAME("网站/APP名称不符合要求"),
    CROSS_PROVINCE("跨省备案：证件地址不在本省"),
    PRINCIPAL_NOT_LEGAL_REPRESENTATIVE("主体负责人不是法定代表人"),
    PHONE_OR_CERTIFICATE_OVERUSED("电话或证件号码被过多备案使用"),
    ALREADY_FILED_ELSEWHERE("已在其他接入商备案 / 备案主体冲突"),
    SERVICE_PRINCIPAL_CERTIFICATE_DUPLICATED("服务负责人证件重复"),
    PROVIDER_DATA_INCONSISTENT("接入商数据不一致"),
    ALREADY_CANCELLED("主体或服务已注销"),
    MATERIALS_INCOMPLETE("核验材料不完整"),
    SMS_NOT_CONFIRMED("短信核验未在24小时内完成"),
    OTHER("其他（见审核意见）");

    private final String chineseText;

    ReturnReason(String chineseText) {
        this.chineseText = chineseText;
    }

    public String chineseText() {
        return chineseText;
    }

    public static ReturnReason parse(String raw) {
        String code = Text.identifier(raw).toUpperCase();
        try {
            return valueOf(code);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(Reason.UNKNOWN_CODE, "未知退回原因 / unknown return reason " + Text.excerpt(String.valueOf(code)));
        }
    }
}
