package icp.filing.domain.service;

import icp.filing.domain.common.Text;
import icp.filing.domain.error.InvalidValueException;
import icp.filing.domain.error.Reason;
import icp.filing.domain.subject.Principal;
import java.util.Objects;
import java.util.Optional;

/** 小程序: the hosting platform (微信, 支付宝 …) and the appid it issued identify it nationally. */
public record MiniProgram(String name, String platform, String appId, Principal principal, Access access,
                          ServiceContent content) implements Service {
    public MiniProgram {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(access, "access");
        content = content == null ? ServiceContent.NONE : content;
        Objects.requireNonNull(appId, "appId");
    }

    /** An appid as the provider sends it; the constructor takes one accepted before as stored. */
    public static String appId(String raw) {
        String appId = Text.identifier(raw);
        if (appId.isEmpty()) {
            throw new InvalidValueException(Reason.REQUIRED, "必填 / required");
        }
        if (!appId.matches("[A-Za-z0-9_-]{4,64}")) {
            throw new InvalidValueException(Reason.INVALID_FORMAT, "小程序 appid 无效 / invalid appid: 4-64 letters, "
                    + "digits, _ or -");
        }
        return appId;
    }

    /** A miniprogram that declares no content categories, languages or pre-approvals. */
    public MiniProgram(String name, String platform, String appId, Principal principal, Access access) {
        this(name, platform, appId, principal, access, ServiceContent.NONE);
    }

    @Override
    public ServiceKind kind() {
        return ServiceKind.MINI_PROGRAM;
    }

    @Override
    public Optional<AppIdentity> appIdentity() {
        return Optional.of(new AppIdentity(ServiceKind.MINI_PROGRAM, platform, appId));
    }

    @Override
    public Service withAccess(Access newAccess) {
        return new MiniProgram(name, platform, appId, principal, newAccess, content);
    }
}
