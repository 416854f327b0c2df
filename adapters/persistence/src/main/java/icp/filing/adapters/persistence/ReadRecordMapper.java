package icp.filing.adapters.persistence;

import icp.filing.application.port.ReadRecords.PersonalDataRead;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ReportingPolicy;

/** A read of personal data to its row and back. */
@Mapper(componentModel = "jsr330", unmappedTargetPolicy = ReportingPolicy.ERROR, uses = RowMapping.class)
interface ReadRecordMapper {
    @Mapping(target = "id", ignore = true)
    @Mapping(target = "provinceCode", source = "province")
    ReadRecordRow toRow(PersonalDataRead read);

    @Mapping(target = "province", source = "provinceCode")
    PersonalDataRead toRead(ReadRecordRow row);
}
