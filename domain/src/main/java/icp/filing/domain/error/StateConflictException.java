package icp.filing.domain.error;

/** The operation does not fit the current state (gRPC FAILED_PRECONDITION, HTTP 409). */
public final class StateConflictException extends FilingException {
    public StateConflictException(Reason reason, String message) {
        super(reason, message);
    }
}
