package icp.filing.adapters.persistence;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface SmsConfirmationRepository extends GenericRepository<SmsConfirmationRow, SmsConfirmationRow.Key> {

    List<SmsConfirmationRow> saveAll(Iterable<SmsConfirmationRow> rows);

    List<SmsConfirmationRow> updateAll(Iterable<SmsConfirmationRow> rows);

    List<SmsConfirmationRow> findByKeyApplicationIdInOrderByKeyPosition(Collection<String> applicationIds);

    /** Index ix_sms_confirmation_phone: whose codes a phone still has to confirm. */
    List<SmsConfirmationRow> findByPhoneAndConfirmedAtIsNull(String phone);

    void deleteByKeyApplicationId(String applicationId);
}
