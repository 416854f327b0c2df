package icp.filing.adapters.persistence;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface SmsVerificationRepository extends GenericRepository<SmsVerificationRow, String> {

    SmsVerificationRow save(SmsVerificationRow row);

    /** Version-checked: a stale version fails with an optimistic lock error. */
    SmsVerificationRow update(SmsVerificationRow row);

    Optional<SmsVerificationRow> findById(String applicationId);

    List<SmsVerificationRow> findByApplicationIdInAndState(Collection<String> applicationIds, String state);

    /** Index ix_sms_verification_pending. */
    List<SmsVerificationRow> findByStateAndExpiresAtLessThanEquals(String state, LocalDateTime at, Pageable pageable);
}
