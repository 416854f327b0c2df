package icp.filing.adapters.persistence;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Instants in DATETIME(6) columns, always as UTC wall time. The driver would otherwise convert an Instant through
 * the JVM's default zone, and a restart under another TZ would move every recorded time; a LocalDateTime crosses
 * the driver untouched, whatever the JVM's or the server's zone.
 */
final class UtcColumns {
    private UtcColumns() {
    }

    static LocalDateTime column(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(LocalDateTime column) {
        return column == null ? null : column.toInstant(ZoneOffset.UTC);
    }
}
