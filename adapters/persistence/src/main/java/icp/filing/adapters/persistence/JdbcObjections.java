package icp.filing.adapters.persistence;

import icp.filing.application.port.Objections;
import icp.filing.domain.application.Actor;
import icp.filing.domain.application.ProviderId;
import icp.filing.domain.common.Province;
import icp.filing.domain.error.AlreadyExistsException;
import icp.filing.domain.error.ConcurrentUpdateException;
import icp.filing.domain.error.Reason;
import icp.filing.domain.objection.Objection;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Objections in MariaDB; one open objection per decision is held by a unique key. */
@Singleton
@Connectable
class JdbcObjections implements Objections {
    private static final String COLUMNS = """
            SELECT id, provider_id, against, target, statement, lodged_at, state, answer, answered_by_kind,
                   answered_by_id, answered_at, version FROM objection
            """;

    private final JdbcOperations jdbc;

    JdbcObjections(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(Objection o, Province province) {
        try {
            execute("""
                    INSERT INTO objection (id, provider_id, province_code, against, target, open_target, statement,
                        lodged_at, state, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""", o.id(),
                    o.provider().value(), province.code(), o.against().name(), o.target(),
                    o.against() + ":" + o.target(), o.statement(), UtcColumns.column(o.lodgedAt()), o.state().name());
        } catch (RuntimeException e) {
            throw UniqueKeys.translate(e, Map.of("uk_objection_open", new AlreadyExistsException(
                    Reason.OBJECTION_OPEN, "已有未答复的申辩 / an objection against this decision is open already")));
        }
    }

    @Override
    public void update(Objection o) {
        int updated = execute("""
                UPDATE objection SET state = ?, open_target = NULL, answer = ?, answered_by_kind = ?, answered_by_id = ?,
                    answered_at = ?, version = version + 1 WHERE id = ? AND version = ?""", o.state().name(),
                o.answer().orElse(null), o.answeredBy().map(a -> a.kind().name()).orElse(null),
                o.answeredBy().map(Actor::id).orElse(null), UtcColumns.column(o.answeredAt().orElse(null)), o.id(),
                o.version());
        if (updated != 1) {
            throw new ConcurrentUpdateException(Reason.CONCURRENT_UPDATE,
                    "申辩已被他人答复 / objection " + o.id() + " was answered by someone else");
        }
    }

    @Override
    public Optional<Objection> find(String id, Province province) {
        return query(COLUMNS + "WHERE id = ? AND province_code = ?", id, province.code()).stream().findFirst();
    }

    @Override
    public List<Objection> listByProvince(Province province, Objection.State state) {
        return query(COLUMNS + "WHERE province_code = ? AND state = ? ORDER BY lodged_at LIMIT 100", province.code(),
                state.name());
    }

    @Override
    public List<Objection> listByProvider(ProviderId provider) {
        return query(COLUMNS + "WHERE provider_id = ? ORDER BY lodged_at DESC LIMIT 100", provider.value());
    }

    private List<Objection> query(String sql, Object... parameters) {
        return Sql.query(jdbc, sql, rs -> Objection.restore(rs.getString(1), new ProviderId(rs.getString(2)),
                Objection.Against.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5),
                UtcColumns.instant(rs.getObject(6, LocalDateTime.class)), Objection.State.valueOf(rs.getString(7)),
                rs.getString(8), rs.getString(9) == null ? null
                        : new Actor(Actor.Kind.valueOf(rs.getString(9)), rs.getString(10)),
                UtcColumns.instant(rs.getObject(11, LocalDateTime.class)), rs.getLong(12)), parameters);
    }

    private int execute(String sql, Object... parameters) {
        return Sql.execute(jdbc, sql, parameters);
    }
}
