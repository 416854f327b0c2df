package icp.filing.domain.service;

import icp.filing.domain.error.InvalidValueException;
import icp.filing.domain.error.Reason;
import java.util.Arrays;

/** 接入方式. */
public enum AccessMethod {
    DEDICATED_LINE(1, "专线"), COLOCATION(2, "主机托管"), VIRTUAL_HOST(3, "虚拟主机"), CLOUD(4, "云接入"), OTHER(5, "其他");

    private final int code;
    private final String chineseName;

    AccessMethod(int code, String chineseName) {
        this.code = code;
        this.chineseName = chineseName;
    }

    public int code() {
        return code;
    }

    public String chineseName() {
        return chineseName;
    }

    public static AccessMethod byCode(int code) {
        return Arrays.stream(values()).filter(m -> m.code == code).findFirst()
                .orElseThrow(() -> new InvalidValueException(Reason.UNKNOWN_CODE, "未知接入方式 / unknown access method " + code));
    }
}
