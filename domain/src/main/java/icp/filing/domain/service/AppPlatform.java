package icp.filing.domain.service;

import icp.filing.domain.error.InvalidValueException;
import icp.filing.domain.error.Reason;
import java.util.Arrays;

/** Where an APP runs; the platform decides the form of its package name. */
public enum AppPlatform {
    ANDROID(1), IOS(2), HARMONYOS(3), OTHER(9);

    private final int code;

    AppPlatform(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static AppPlatform byCode(int code) {
        return Arrays.stream(values()).filter(p -> p.code == code).findFirst()
                .orElseThrow(() -> new InvalidValueException(Reason.UNKNOWN_CODE, "未知APP平台 / unknown APP platform " + code));
    }
}
