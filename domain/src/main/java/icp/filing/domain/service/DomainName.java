package icp.filing.domain.service;

import icp.filing.domain.common.Text;
import icp.filing.domain.error.InvalidValueException;
import icp.filing.domain.error.Reason;
import java.net.IDN;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A fully qualified host name in its ASCII form: internationalised names (例子.中国) are stored as punycode
 * (xn--fsqu00a.xn--fiqs8s) so that equality and uniqueness work on one spelling. A label that could pass for another
 * name ({@link ConfusableLabels}) is refused when read.
 */
public record DomainName(String ascii) {
    private static final Pattern TLD = Pattern.compile("[a-z]{2,63}|xn--[a-z0-9-]{1,59}");

    /** As stored, in ASCII form: accepted when it was read. */
    public DomainName {
        Objects.requireNonNull(ascii, "ascii");
    }

    /** A domain as people write it: Unicode or punycode, any case, a trailing dot, the ideographic full stop. */
    public static DomainName parse(String raw) {
        String text = plainAscii(raw) ? raw : Text.identifier(raw).toLowerCase(Locale.ROOT);
        // U+3002 is the ideographic full stop a Chinese keyboard types; IDN treats it as a dot.
        text = text.replace('。', '.');
        if (text.endsWith(".")) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.isEmpty()) {
            throw new InvalidValueException(Reason.REQUIRED, "必填 / required");
        }
        if (!plainAscii(text)) {
            try {
                text = IDN.toASCII(text, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException e) {
                throw invalid(text);
            }
        }
        if (text.length() > 253 || !validLabels(text)) {
            throw invalid(text);
        }
        if (text.contains("xn--")) {
            ConfusableLabels.check(text); // an internationalised label, however it was written
        }
        return new DomainName(text);
    }

    /**
     * At least two labels of letters, digits and hyphens, 1–63 each, none starting or ending with a hyphen; the last
     * a {@link #TLD}. By hand: a batch lookup checks a hundred names per request.
     */
    private static boolean validLabels(String text) {
        int labels = 0;
        int start = 0;
        while (true) {
            int end = text.indexOf('.', start);
            int stop = end < 0 ? text.length() : end;
            if (!validLabel(text, start, stop)) {
                return false;
            }
            labels++;
            if (end < 0) {
                return labels >= 2 && TLD.matcher(text.substring(start)).matches();
            }
            start = end + 1;
        }
    }

    private static boolean validLabel(String text, int start, int stop) {
        int length = stop - start;
        if (length < 1 || length > 63 || text.charAt(start) == '-' || text.charAt(stop - 1) == '-') {
            return false;
        }
        for (int i = start; i < stop; i++) {
            char c = text.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /**
     * Lower-case letters, digits, hyphens and dots only: NFKC and IDN would leave such a name as it is (the label
     * checks below are those of STD3 and more), so the common case skips them. Batch lookups parse 100 names a
     * request.
     */
    private static boolean plainAscii(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    /** The name as people write it; only an internationalised name (an xn-- label) differs from its ASCII form. */
    public String unicode() {
        return ascii.contains("xn--") ? IDN.toUnicode(ascii) : ascii;
    }

    /** True when this name is {@code other} or lies under it (www.example.cn is under example.cn). */
    public boolean isAtOrUnder(DomainName other) {
        return ascii.equals(other.ascii) || ascii.endsWith("." + other.ascii);
    }

    private static InvalidValueException invalid(String text) {
        return new InvalidValueException(Reason.INVALID_DOMAIN, "域名无效 / invalid domain name: " + Text.excerpt(text));
    }

    @Override
    public String toString() {
        return ascii;
    }
}
