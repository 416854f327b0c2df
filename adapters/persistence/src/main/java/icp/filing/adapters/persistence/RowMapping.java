package icp.filing.adapters.persistence;

import icp.filing.domain.common.Province;
import java.time.Instant;
import java.time.LocalDateTime;

/** The conversions every row mapper shares: UTC instants in DATETIME columns, provinces by their GB/T 2260 code. */
final class RowMapping {
    private RowMapping() {
    }

    static LocalDateTime column(Instant instant) {
        return UtcColumns.column(instant);
    }

    static Instant instant(LocalDateTime column) {
        return UtcColumns.instant(column);
    }

    static String code(Province province) {
        return province == null ? null : province.code();
    }

    static Province province(String code) {
        return code == null ? null : Province.byCode(code).orElseThrow();
    }
}
