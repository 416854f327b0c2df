package icp.filing.adapters.persistence;

import icp.filing.application.port.Page;
import icp.filing.application.port.PageRequest;
import icp.filing.application.port.ReadRecords;
import icp.filing.domain.common.Province;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** Reads of personal data in MariaDB, appended in the caller's transaction. */
@Singleton
@Connectable
class JdbcReadRecords implements ReadRecords {
    private final JdbcOperations jdbc;

    JdbcReadRecords(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(PersonalDataRead read) {
        jdbc.prepareStatement("""
                INSERT INTO personal_data_read (province_code, reviewer, application_id, what, material_id, at)
                VALUES (?, ?, ?, ?, ?, ?)""", ps -> {
            try {
                ps.setString(1, read.province().code());
                ps.setString(2, read.reviewer());
                ps.setString(3, read.applicationId());
                ps.setString(4, read.what().name());
                ps.setString(5, read.materialId());
                ps.setObject(6, UtcColumns.column(read.at()));
                return ps.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot record a read of personal data", e);
            }
        });
    }

    @Override
    public Page<PersonalDataRead> list(Province province, PageRequest page) {
        long total = jdbc.prepareStatement("SELECT COUNT(*) FROM personal_data_read WHERE province_code = ?", ps -> {
            try {
                ps.setString(1, province.code());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot count reads", e);
            }
        });
        List<PersonalDataRead> items = jdbc.prepareStatement("""
                SELECT reviewer, application_id, what, material_id, at FROM personal_data_read
                WHERE province_code = ? ORDER BY at DESC, id DESC LIMIT ? OFFSET ?""", ps -> {
            try {
                ps.setString(1, province.code());
                ps.setInt(2, page.size());
                ps.setLong(3, page.offset());
                List<PersonalDataRead> reads = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        reads.add(new PersonalDataRead(rs.getString("reviewer"), province,
                                rs.getString("application_id"), Subject.valueOf(rs.getString("what")),
                                rs.getString("material_id"),
                                UtcColumns.instant(rs.getObject("at", LocalDateTime.class))));
                    }
                }
                return reads;
            } catch (SQLException e) {
                throw new IllegalStateException("cannot list reads", e);
            }
        });
        return new Page<>(items, page.page(), page.size(), total);
    }
}
