package icp.filing.adapters.persistence;

import icp.filing.application.port.FilingNumbers;
import icp.filing.domain.common.Province;
import icp.filing.domain.error.Reason;
import icp.filing.domain.error.StateConflictException;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

/**
 * Serials from one counter row per province and year. The upsert takes the row lock, so concurrent
 * approvals in one province queue up for the counter and each gets its own number; LAST_INSERT_ID(expr)
 * hands the new value back on this connection without a second locking read.
 */
@Singleton
final class JdbcFilingNumbers implements FilingNumbers {
    private static final int MAX_SERIAL = 999_999;
    private final JdbcOperations jdbc;

    JdbcFilingNumbers(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int nextSerial(Province province, int year) {
        int serial = (int) Sql.counted(jdbc, """
                INSERT INTO filing_number_sequence (province_code, year, last_serial) VALUES (?, ?, LAST_INSERT_ID(1))
                ON DUPLICATE KEY UPDATE last_serial = LAST_INSERT_ID(last_serial + 1)""", province.code(), year);
        if (serial > MAX_SERIAL) {
            throw new StateConflictException(Reason.SERIAL_EXHAUSTED,
                    province.abbreviation() + " " + year + ": all " + MAX_SERIAL + " serials are used");
        }
        return serial;
    }
}
