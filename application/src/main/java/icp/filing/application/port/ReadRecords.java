package icp.filing.application.port;

import icp.filing.domain.common.Province;
import java.time.Instant;
import java.util.Objects;

/**
 * Who read which personal data, and when: every reviewer's look at an application in full and every material
 * download, appended and never changed, so that a bureau can answer for each access to a principal's data.
 */
public interface ReadRecords {
    void add(PersonalDataRead read);

    /** The province's records, newest first. */
    Page<PersonalDataRead> list(Province province, PageRequest page);

    /** What was read: an application in full, or one material's bytes. */
    enum Subject { APPLICATION, MATERIAL }

    /** One read; {@code materialId} only for a material. */
    record PersonalDataRead(String reviewer, Province province, String applicationId, Subject what,
                            String materialId, Instant at) {
        public PersonalDataRead {
            Objects.requireNonNull(reviewer, "reviewer");
            Objects.requireNonNull(province, "province");
            Objects.requireNonNull(applicationId, "applicationId");
            Objects.requireNonNull(what, "what");
            Objects.requireNonNull(at, "at");
        }
    }
}
