package icp.filing.adapters.persistence;

import icp.filing.application.port.Page;
import icp.filing.application.port.PageRequest;
import icp.filing.application.port.ReadRecords;
import icp.filing.domain.common.Province;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import jakarta.inject.Singleton;

/** Reads of personal data in MariaDB, appended in the caller's transaction, listed newest first. */
@Singleton
class JdbcReadRecords implements ReadRecords {
    private final ReadRecordRepository rows;
    private final ReadRecordMapper mapper;

    JdbcReadRecords(ReadRecordRepository rows, ReadRecordMapper mapper) {
        this.rows = rows;
        this.mapper = mapper;
    }

    @Override
    public void add(PersonalDataRead read) {
        rows.save(mapper.toRow(read));
    }

    @Override
    public Page<PersonalDataRead> list(Province province, PageRequest page) {
        var found = rows.findByProvinceCode(province.code(), Pageable.from(page.page(), page.size(),
                Sort.of(Sort.Order.desc("at"), Sort.Order.desc("id"))));
        return new Page<>(found.getContent().stream().map(mapper::toRead).toList(), page.page(), page.size(),
                found.getTotalSize());
    }
}
