package icp.filing.domain.error;

/** The caller asks for more than the system gives one caller at a time (concurrent uploads); retry later. */
public final class ResourceExhaustedException extends FilingException {
    public ResourceExhaustedException(Reason reason, String message) {
        super(reason, message);
    }
}
