package icp.filing.application.usecase;

import icp.filing.application.command.NewFilingCommand.PrincipalInput;
import icp.filing.domain.common.Text;
import icp.filing.domain.error.InvalidValueException;
import icp.filing.domain.error.Reason;
import icp.filing.domain.error.Violations;
import icp.filing.domain.identity.CertificateType;
import icp.filing.domain.identity.EmailAddress;
import icp.filing.domain.identity.PhoneNumber;
import icp.filing.domain.material.MaterialId;
import icp.filing.domain.subject.CertificateValidityPolicy;
import icp.filing.domain.subject.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * What reading any part of a provider's form needs: the shared violation list, code-table lookups, and the
 * principal, who appears on the subject and on every service alike.
 */
abstract class FormReader {
    static final int NAME_MAX = 100;
    private static final int MATERIALS_MAX = 20;
    final Violations violations;
    private final LocalDate today;

    /** @param today today in China, against which certificate validity is judged */
    FormReader(Violations violations, LocalDate today) {
        this.violations = violations;
        this.today = today;
    }

    <T> T code(String field, int code, java.util.function.IntFunction<T> lookup) {
        if (code == 0) {
            violations.add(field, Reason.REQUIRED, "必填 / required");
            return null;
        }
        return violations.check(field, () -> lookup.apply(code));
    }

    boolean tooMany(String field, List<?> items, int max) {
        if (items.size() > max) {
            violations.add(field, Reason.TOO_MANY, "最多 " + max + " 项 / at most " + max + " entries");
            return true;
        }
        return false;
    }

    <T> T missing(String field) {
        violations.add(field, Reason.REQUIRED, "必填 / required");
        return null;
    }

    Principal principal(String path, PrincipalInput in) {
        String name = violations.text(path + ".name", in.name(), 50);
        CertificateType type = code(path + ".certificate_type", in.certificateTypeCode(), CertificateType::byCode);
        if (type != null && !type.forPerson()) {
            violations.add(path + ".certificate_type", Reason.CERTIFICATE_TYPE_MISMATCH,
                    "负责人须使用个人证件 / a principal needs a personal certificate");
            return null;
        }
        String number = type == null ? null
                : violations.check(path + ".certificate_number", () -> type.normalizeNumber(in.certificateNumber()));
        LocalDate validUntil = validity(path, type, number, in.certificateValidUntil());
        verifiedName(path, name, in.verifiedName());
        PhoneNumber phone = violations.check(path + ".phone", () -> PhoneNumber.parse(in.phone()));
        EmailAddress email = violations.check(path + ".email", () -> EmailAddress.parse(in.email()));
        if (name == null || number == null || phone == null || email == null) {
            return null;
        }
        return new Principal(name, type, number, validUntil, phone, email);
    }

    /** An optional typed text (an address, say): null when blank, else as typed and at most {@code max} characters. */
    String optionalText(String field, String raw, int max) {
        return violations.check(field, () -> Text.optional(raw, max));
    }

    /** An optional code, date or id: null when blank, else NFKC ({@link Text#identifier}), at most {@code max}. */
    String optionalCode(String field, String raw, int max) {
        return violations.check(field, () -> Text.optionalIdentifier(raw, max));
    }

    /** The certificate's last valid day (null for 长期), checked against today; violations go on the date field. */
    LocalDate validity(String path, CertificateType type, String number, String raw) {
        String field = path + ".certificate_valid_until";
        String text = optionalCode(field, raw, 20);
        LocalDate validUntil = null;
        if (text != null) {
            validUntil = violations.check(field, () -> parseDate(text));
            if (validUntil == null) {
                return null;
            }
        }
        if (type != null && number != null) {
            LocalDate checked = validUntil;
            violations.check(field, () -> {
                CertificateValidityPolicy.check(type, number, checked, today);
                return checked;
            });
        }
        return validUntil;
    }

    /** The name given must be the name the provider's verification read on the certificate. */
    void verifiedName(String path, String name, String verifiedRaw) {
        String verified = violations.text(path + ".verified_name", verifiedRaw, NAME_MAX);
        if (name != null && verified != null && !Text.sameKey(name, verified)) {
            violations.add(path + ".name", Reason.NAME_MISMATCH,
                    "名称与核验证件上的名称不一致 / differs from the name on the verified certificate");
        }
    }

    static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(Reason.INVALID_DATE, "日期格式应为 YYYY-MM-DD / a date is written YYYY-MM-DD");
        }
    }

    List<MaterialId> materialIds(String field, List<String> raw) {
        List<String> ids = raw == null ? List.of() : raw;
        if (tooMany(field, ids, MATERIALS_MAX)) {
            return List.of();
        }
        List<MaterialId> parsed = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            MaterialId materialId = violations.check(field + "[" + i + "]", () -> new MaterialId(id));
            if (materialId != null) {
                parsed.add(materialId);
            }
        }
        return parsed;
    }
}
