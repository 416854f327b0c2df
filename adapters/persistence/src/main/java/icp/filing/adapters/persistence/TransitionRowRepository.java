package icp.filing.adapters.persistence;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface TransitionRowRepository extends CrudRepository<TransitionRow, Long> {

    List<TransitionRow> findByApplicationIdInOrderBySeq(Collection<String> applicationIds);
}
