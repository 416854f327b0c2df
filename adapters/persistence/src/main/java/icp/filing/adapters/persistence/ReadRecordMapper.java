package icp.filing.adapters.persistence;

import icp.filing.application.port.ReadRecords.PersonalDataRead;
import icp.filing.domain.common.Province;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ReportingPolicy;

/** A read of personal data to its row and back. */
@Mapper(componentModel = "jsr330", unmappedTargetPolicy = ReportingPolicy.ERROR, uses = UtcColumns.class)
interface ReadRecordMapper {
    @Mapping(target = "id", ignore = true)
    @Mapping(target = "provinceCode", source = "province")
    ReadRecordRow toRow(PersonalDataRead read);

    @Mapping(target = "province", source = "provinceCode")
    PersonalDataRead toRead(ReadRecordRow row);

    default String code(Province province) {
        return province.code();
    }

    default Province province(String code) {
        return Province.byCode(code).orElseThrow();
    }
}
