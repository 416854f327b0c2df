package icp.filing.adapters.persistence;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface ObjectionRepository extends GenericRepository<ObjectionRow, String> {

    ObjectionRow save(ObjectionRow row);

    /** Version-checked: a stale version changes no row and fails with an optimistic lock error. */
    ObjectionRow update(ObjectionRow row);

    Optional<ObjectionRow> findById(String id);

    Optional<ObjectionRow> findByIdAndProvinceCode(String id, String provinceCode);

    List<ObjectionRow> findTop100ByProvinceCodeAndStateOrderByLodgedAt(String provinceCode, String state);

    List<ObjectionRow> findTop100ByProviderIdOrderByLodgedAtDesc(String providerId);
}
