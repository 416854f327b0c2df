package icp.filing.adapters.persistence;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
interface ReadRecordRepository extends GenericRepository<ReadRecordRow, Long> {

    ReadRecordRow save(ReadRecordRow row);

    Page<ReadRecordRow> findByProvinceCode(String provinceCode, Pageable pageable);
}
