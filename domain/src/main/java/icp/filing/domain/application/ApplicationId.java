package icp.filing.domain.application;

import icp.filing.domain.common.Text;
import icp.filing.domain.error.NotFoundException;
import icp.filing.domain.error.Reason;
import java.util.UUID;

/** Application ids are random UUIDs: guessing one reveals nothing and gives no access. */
public record ApplicationId(String value) {
    public ApplicationId {
        try {
            value = UUID.fromString(value.strip()).toString();
        } catch (IllegalArgumentException | NullPointerException e) {
            // a malformed id cannot name anything the caller may see
            throw new NotFoundException(Reason.APPLICATION_NOT_FOUND, "没有该申请 / no application " + Text.excerpt(value));
        }
    }

    public static ApplicationId random() {
        return new ApplicationId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
