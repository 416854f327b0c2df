package icp.filing.adapters.persistence;

import icp.filing.application.port.SmsVerifications;
import icp.filing.domain.application.ApplicationId;
import icp.filing.domain.error.ConcurrentUpdateException;
import icp.filing.domain.error.Reason;
import icp.filing.domain.verification.SmsVerification;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SMS verifications in MariaDB: a row per application, a row per principal to confirm (codes as hashes only). */
@Singleton
@Connectable
class JdbcSmsVerifications implements SmsVerifications {
    private static final String COLUMNS = """
            SELECT v.application_id, v.state, v.expires_at, v.resends, v.wrong_codes, v.version, c.position, c.phone,
                   c.certificate_tail, c.code_hash, c.confirmed_at
            FROM sms_verification v JOIN sms_confirmation c ON c.application_id = v.application_id
            """;

    /** A marker: the insert found the application's earlier verification. */
    private static final icp.filing.domain.error.AlreadyExistsException REPLACE =
            new icp.filing.domain.error.AlreadyExistsException(Reason.CONCURRENT_UPDATE, "earlier verification");

    private final JdbcOperations jdbc;

    JdbcSmsVerifications(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The verification and its principals' rows: a new application has no verification to replace.
     */
    @Override
    public void start(SmsVerification v) {
        new Script().add("""
                INSERT INTO sms_verification (state, expires_at, resends, wrong_codes, version, application_id)
                VALUES (?, ?, ?, ?, 0, ?)""", v.state().name(), UtcColumns.column(v.expiresAt()), v.resends(),
                v.wrongCodes(), v.application().value()).insert("""
                INSERT INTO sms_confirmation (application_id, position, phone, certificate_tail, code_hash,
                    confirmed_at)""", confirmationRows(v)).run(jdbc);
    }

    /**
     * Inserts first: a resubmission's earlier verification is replaced only when the insert finds it. Deleting first
     * would lock the gap where the new key goes, and concurrent first submissions would deadlock on those gaps.
     */
    @Override
    public void replace(SmsVerification v) {
        String id = v.application().value();
        Object[] row = {v.state().name(), UtcColumns.column(v.expiresAt()), v.resends(), v.wrongCodes(), id};
        try {
            execute("""
                    INSERT INTO sms_verification (state, expires_at, resends, wrong_codes, version, application_id)
                    VALUES (?, ?, ?, ?, 0, ?)""", row);
        } catch (RuntimeException e) {
            if (!(UniqueKeys.translate(e, java.util.Map.of("PRIMARY", REPLACE)) == REPLACE)) {
                throw e;
            }
            execute("DELETE FROM sms_confirmation WHERE application_id = ?", id);
            execute("""
                    UPDATE sms_verification SET state = ?, expires_at = ?, resends = ?, wrong_codes = ?,
                        version = version + 1 WHERE application_id = ?""", row);
        }
        writeConfirmations(v);
    }

    /** Version-checked: a verification changed meanwhile is refused as a concurrent update. */
    @Override
    public void update(SmsVerification v) {
        Script script = new Script().add("""
                UPDATE sms_verification SET state = ?, resends = ?, wrong_codes = ?, version = version + 1
                WHERE application_id = ? AND version = ?""", v.state().name(), v.resends(), v.wrongCodes(),
                v.application().value(), v.version()).oneRow(new ConcurrentUpdateException(Reason.CONCURRENT_UPDATE,
                "短信核验已被同时处理 / the SMS verification changed at the same moment; retry"));
        // a verification keeps the principals it started with (a confirmation changes in place, none comes or goes):
        // its rows are rewritten where they are, not deleted and inserted again
        script.insert("""
                INSERT INTO sms_confirmation (application_id, position, phone, certificate_tail, code_hash,
                    confirmed_at)""", confirmationRows(v), """
                ON DUPLICATE KEY UPDATE phone = VALUES(phone), certificate_tail = VALUES(certificate_tail),
                    code_hash = VALUES(code_hash), confirmed_at = VALUES(confirmed_at)""");
        script.run(jdbc);
    }

    private void writeConfirmations(SmsVerification v) {
        Sql.batch(jdbc, """
                INSERT INTO sms_confirmation (application_id, position, phone, certificate_tail, code_hash,
                    confirmed_at) VALUES (?, ?, ?, ?, ?, ?)""", confirmationRows(v));
    }

    private static List<Object[]> confirmationRows(SmsVerification v) {
        List<SmsVerification.Confirmation> confirmations = v.confirmations();
        List<Object[]> rows = new java.util.ArrayList<>();
        for (int i = 0; i < confirmations.size(); i++) {
            SmsVerification.Confirmation c = confirmations.get(i);
            rows.add(new Object[] {v.application().value(), i, c.phone(), c.certificateTail(), c.codeHash(),
                    UtcColumns.column(c.confirmedAt())});
        }
        return rows;
    }

    @Override
    public Optional<SmsVerification> find(ApplicationId application) {
        return load(COLUMNS + "WHERE v.application_id = ? ORDER BY c.position", application.value()).stream()
                .findFirst();
    }

    @Override
    public List<SmsVerification> pendingFor(String phone) {
        return load(COLUMNS + """
                WHERE v.state = 'PENDING' AND v.application_id IN
                    (SELECT application_id FROM sms_confirmation WHERE phone = ? AND confirmed_at IS NULL)
                ORDER BY v.application_id, c.position LIMIT 1000""", phone);
    }

    @Override
    public List<SmsVerification> pendingExpiredBy(Instant at, int limit) {
        return load(COLUMNS + """
                WHERE v.application_id IN (SELECT application_id FROM (SELECT application_id FROM sms_verification
                    WHERE state = 'PENDING' AND expires_at <= ? ORDER BY expires_at LIMIT %d) due)
                ORDER BY v.application_id, c.position""".formatted(limit), UtcColumns.column(at));
    }

    private List<SmsVerification> load(String sql, Object parameter) {
        return jdbc.prepareStatement(sql, ps -> {
            try {
                ps.setObject(1, parameter);
                List<SmsVerification> found = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    String current = null;
                    List<SmsVerification.Confirmation> confirmations = new ArrayList<>();
                    Object[] head = null;
                    while (rs.next()) {
                        String id = rs.getString(1);
                        if (!id.equals(current)) {
                            if (current != null) {
                                found.add(restore(current, head, confirmations));
                            }
                            current = id;
                            confirmations = new ArrayList<>();
                            head = new Object[] {rs.getString(2), instant(rs, 3), rs.getInt(4), rs.getInt(5),
                                rs.getLong(6)};
                        }
                        confirmations.add(new SmsVerification.Confirmation(rs.getString(8), rs.getString(9),
                                rs.getString(10), instant(rs, 11)));
                    }
                    if (current != null) {
                        found.add(restore(current, head, confirmations));
                    }
                }
                return found;
            } catch (SQLException e) {
                throw new IllegalStateException("SMS verification query failed", e);
            }
        });
    }

    private static SmsVerification restore(String id, Object[] head, List<SmsVerification.Confirmation> confirmations) {
        return SmsVerification.restore(new ApplicationId(id), confirmations, (Instant) head[1], (int) head[2],
                (int) head[3], SmsVerification.State.valueOf((String) head[0]), (long) head[4]);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return UtcColumns.instant(rs.getObject(column, LocalDateTime.class));
    }

    private int execute(String sql, Object... parameters) {
        return Sql.execute(jdbc, sql, parameters);
    }
}
