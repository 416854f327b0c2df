package icp.filing.adapters.persistence;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface ApplicationRowRepository extends CrudRepository<ApplicationRow, String> {

    List<ApplicationRow> findByIdIn(java.util.Collection<String> ids);

    boolean existsByProviderIdAndRequestId(String providerId, String requestId);

    Optional<ApplicationRow> findByProviderIdAndRequestId(String providerId, String requestId);

    Page<ApplicationRow> findByProviderId(String providerId, Pageable pageable);

    Page<ApplicationRow> findByProviderIdAndState(String providerId, String state, Pageable pageable);

    Page<ApplicationRow> findByProvinceCodeAndState(String provinceCode, String state, Pageable pageable);

    Page<ApplicationRow> findByProvinceCodeAndStateAndQueuedAtLessThan(String provinceCode, String state,
                                                                       java.time.LocalDateTime queuedAt,
                                                                       Pageable pageable);
}
