package icp.filing.adapters.persistence;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** An application's history, appended only: the chain {@code history/verify} checks and the application is read from. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface TransitionRowRepository extends GenericRepository<TransitionRow, Long> {

    List<TransitionRow> saveAll(Iterable<TransitionRow> rows);

    List<TransitionRow> findByApplicationIdOrderBySeq(String applicationId);

    List<TransitionRow> findByApplicationIdInOrderBySeq(Collection<String> applicationIds);

    /** Where the chain ends: the last transition stored. */
    Optional<TransitionRow> findFirstByApplicationIdOrderBySeqDesc(String applicationId);
}
