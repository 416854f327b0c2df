package icp.filing.domain.service;

import icp.filing.domain.common.Text;
import icp.filing.domain.error.InvalidValueException;
import icp.filing.domain.error.Reason;
import java.util.Objects;
import java.util.regex.Pattern;

/** An Android/HarmonyOS/quick-app package name or an iOS bundle id: dotted segments, at least two. */
public record PackageName(String value) {
    private static final Pattern JAVA_STYLE = Pattern.compile("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)+");
    private static final Pattern BUNDLE_ID = Pattern.compile("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

    /** As stored: accepted when it was read. */
    public PackageName {
        Objects.requireNonNull(value, "value");
    }

    /** Any platform's form: dotted segments. */
    public static PackageName parse(String raw) {
        String value = Text.identifier(raw);
        if (value.length() > 255 || !(JAVA_STYLE.matcher(value).matches() || BUNDLE_ID.matcher(value).matches())) {
            throw new InvalidValueException(Reason.INVALID_PACKAGE_NAME, "包名无效 / invalid package name: " + Text.excerpt(value));
        }
        return new PackageName(value);
    }

    /** Android package names may not contain hyphens or segments starting with digits; bundle ids may. */
    public static PackageName forPlatform(AppPlatform platform, String raw) {
        PackageName name = parse(raw);
        if (platform != AppPlatform.IOS && !JAVA_STYLE.matcher(name.value).matches()) {
            throw new InvalidValueException(Reason.INVALID_PACKAGE_NAME,
                    "包名无效 / invalid package name: " + platform + " package names are letters, digits and _ in dotted segments");
        }
        return name;
    }
}
