package icp.filing.domain.number;

import icp.filing.domain.common.Province;
import icp.filing.domain.common.Text;
import icp.filing.domain.error.InvalidValueException;
import icp.filing.domain.error.Reason;
import icp.filing.domain.service.ServiceKind;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 备案号. A subject number is 京ICP备2024012345号 (4-digit year of first approval + 6-digit serial) or, for
 * older subjects, 京ICP备16059763号 (2-digit year + 6 digits). A service number adds -N with the kind's letter.
 */
public record FilingNumber(Province province, String digits, ServiceSuffix suffix) {
    private static final Pattern FORM = Pattern.compile(
            "(\\p{IsHan})ICP备(\\d{8}|\\d{10})号(?:-(\\d{1,4})([AXK]?))?");
    private static final int MAX_SERIAL = 999_999;

    public FilingNumber {
        if (province == null || !isDigits(digits)) {
            throw new IllegalArgumentException("a filing number needs a province and 8 or 10 digits");
        }
    }

    /** A new subject number: the year of first approval and a serial unique within province and year. */
    public static FilingNumber issue(Province province, int year, int serial) {
        if (year < 2000 || year > 9999) {
            throw new IllegalArgumentException("year " + year);
        }
        if (serial < 1 || serial > MAX_SERIAL) {
            throw new IllegalArgumentException("serial " + serial + " outside 1.." + MAX_SERIAL);
        }
        // year * 10^6 + serial is the ten digits (the year has four): no Formatter on every approval
        return new FilingNumber(province, Long.toString(year * 1_000_000L + serial), null);
    }

    /** 8 or 10 ASCII digits (what {@code \\d{8}|\\d{10}} matches), checked on every number built, so not a regex. */
    private static boolean isDigits(String digits) {
        if (digits == null || digits.length() != 8 && digits.length() != 10) {
            return false;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    public static FilingNumber parse(String raw) {
        String text = Text.identifier(raw).replace(" ", "").toUpperCase()
                .replace("ＩＣＰ", "ICP").replace('—', '-').replace('－', '-');
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw invalid(text);
        }
        Province province = Province.byAbbreviation(m.group(1)).orElseThrow(() -> invalid(text));
        ServiceSuffix suffix = null;
        if (m.group(3) != null) {
            int sequence = Integer.parseInt(m.group(3));
            if (sequence < 1) {
                throw invalid(text);
            }
            suffix = new ServiceSuffix(sequence, ServiceKind.bySuffixLetter(m.group(4)));
        }
        return new FilingNumber(province, m.group(2), suffix);
    }

    public static Optional<FilingNumber> tryParse(String raw) {
        if (raw == null || raw.chars().allMatch(c -> c < 0x80)) {
            return Optional.empty(); // every number holds its province's abbreviation (京): plain ASCII is a domain
        }
        try {
            return Optional.of(parse(raw));
        } catch (InvalidValueException e) {
            return Optional.empty();
        }
    }

    public boolean isLegacy() {
        return digits.length() == 8;
    }

    /** The year of first approval, four digits; legacy two-digit years are of this century. */
    public int year() {
        return isLegacy() ? 2000 + Integer.parseInt(digits.substring(0, 2)) : Integer.parseInt(digits.substring(0, 4));
    }

    public int serial() {
        return Integer.parseInt(digits.substring(digits.length() - 6));
    }

    public boolean isServiceNumber() {
        return suffix != null;
    }

    /** The subject number this number belongs to (itself for a subject number). */
    public FilingNumber subjectNumber() {
        return suffix == null ? this : new FilingNumber(province, digits, null);
    }

    public FilingNumber forService(int sequence, ServiceKind kind) {
        if (suffix != null) {
            throw new IllegalStateException(this + " is already a service number");
        }
        return new FilingNumber(province, digits, new ServiceSuffix(sequence, kind));
    }

    private static InvalidValueException invalid(String text) {
        return new InvalidValueException(Reason.INVALID_FILING_NUMBER, "备案号无效 / invalid filing number: " + Text.excerpt(text));
    }

    @Override
    public String toString() {
        return province.abbreviation() + "ICP备" + digits + "号" + (suffix == null ? "" : suffix.toString());
    }
}
