package icp.filing.domain.error;

/** A tier this system needs (the ministry's register) cannot be reached now; the same call may succeed later. */
public final class UnavailableException extends FilingException {
    public UnavailableException(Reason reason, String message) {
        super(reason, message);
    }
}
