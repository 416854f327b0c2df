package icp.filing.adapters.persistence;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.time.LocalDateTime;

/** One row of {@code sms_verification}: an application's 短信核验, its principals in {@link SmsConfirmationRow}. */
@MappedEntity("sms_verification")
record SmsVerificationRow(
        @Id String applicationId,
        String state,
        LocalDateTime expiresAt,
        int resends,
        int wrongCodes,
        @Version Long version) {
}
