package icp.filing.adapters.persistence;

import icp.filing.application.port.Objections;
import icp.filing.domain.application.Actor;
import icp.filing.domain.application.ProviderId;
import icp.filing.domain.common.Province;
import icp.filing.domain.error.AlreadyExistsException;
import icp.filing.domain.error.ConcurrentUpdateException;
import icp.filing.domain.error.Reason;
import icp.filing.domain.objection.Objection;
import io.micronaut.data.exceptions.OptimisticLockException;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Objections in MariaDB; one open objection per decision is held by a unique key. */
@Singleton
class JdbcObjections implements Objections {
    private final ObjectionRepository rows;

    JdbcObjections(ObjectionRepository rows) {
        this.rows = rows;
    }

    @Override
    public void add(Objection o, Province province) {
        try {
            rows.save(new ObjectionRow(o.id(), o.provider().value(), province.code(), o.against().name(), o.target(),
                    openTarget(o), o.statement(), UtcColumns.column(o.lodgedAt()), o.state().name(), null, null, null,
                    null, 0L));
        } catch (RuntimeException e) {
            throw UniqueKeys.translate(e, Map.of("uk_objection_open", new AlreadyExistsException(
                    Reason.OBJECTION_OPEN, "已有未答复的申辩 / an objection against this decision is open already")));
        }
    }

    @Override
    public void update(Objection o) {
        ConcurrentUpdateException answered = new ConcurrentUpdateException(Reason.CONCURRENT_UPDATE,
                "申辩已被他人答复 / objection " + o.id() + " was answered by someone else");
        ObjectionRow stored = rows.findById(o.id()).orElseThrow(() -> answered);
        try {
            rows.update(new ObjectionRow(stored.id(), stored.providerId(), stored.provinceCode(), stored.against(),
                    stored.target(), null, stored.statement(), stored.lodgedAt(), o.state().name(),
                    o.answer().orElse(null), o.answeredBy().map(a -> a.kind().name()).orElse(null),
                    o.answeredBy().map(Actor::id).orElse(null), UtcColumns.column(o.answeredAt().orElse(null)),
                    o.version()));
        } catch (OptimisticLockException e) {
            throw answered;
        }
    }

    @Override
    public Optional<Objection> find(String id, Province province) {
        return rows.findByIdAndProvinceCode(id, province.code()).map(JdbcObjections::objection);
    }

    @Override
    public List<Objection> listByProvince(Province province, Objection.State state) {
        return rows.findTop100ByProvinceCodeAndStateOrderByLodgedAt(province.code(), state.name()).stream()
                .map(JdbcObjections::objection).toList();
    }

    @Override
    public List<Objection> listByProvider(ProviderId provider) {
        return rows.findTop100ByProviderIdOrderByLodgedAtDesc(provider.value()).stream()
                .map(JdbcObjections::objection).toList();
    }

    /** Open, the decision's key; answered, none, so that the decision may be objected to no more. */
    private static String openTarget(Objection o) {
        return o.state() == Objection.State.OPEN ? o.against() + ":" + o.target() : null;
    }

    /** Rebuilt through the aggregate's own factory, as accepted. */
    private static Objection objection(ObjectionRow r) {
        return Objection.restore(r.id(), new ProviderId(r.providerId()), Objection.Against.valueOf(r.against()),
                r.target(), r.statement(), UtcColumns.instant(r.lodgedAt()), Objection.State.valueOf(r.state()),
                r.answer(), r.answeredByKind() == null ? null
                        : new Actor(Actor.Kind.valueOf(r.answeredByKind()), r.answeredById()),
                UtcColumns.instant(r.answeredAt()), r.version());
    }
}
