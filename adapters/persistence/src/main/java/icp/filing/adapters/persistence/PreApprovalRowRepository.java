package icp.filing.adapters.persistence;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
interface PreApprovalRowRepository extends CrudRepository<PreApprovalRow, Long> {
    void deleteByApplicationId(String applicationId);
}
