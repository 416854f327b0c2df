package icp.filing.adapters.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import java.time.LocalDateTime;

/** One principal to confirm an application's code: the code kept as its hash only. */
@MappedEntity("sms_confirmation")
record SmsConfirmationRow(
        @EmbeddedId Key key,
        String phone,
        String certificateTail,
        String codeHash,
        @Nullable LocalDateTime confirmedAt) {

    /** The application and the principal's place in its verification. */
    @Embeddable
    record Key(@MappedProperty("application_id") String applicationId, @MappedProperty("position") int position) {
    }
}
