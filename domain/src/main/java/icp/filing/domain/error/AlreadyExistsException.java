package icp.filing.domain.error;

/** A uniqueness rule refuses the operation (gRPC ALREADY_EXISTS, HTTP 409). */
public final class AlreadyExistsException extends FilingException {
    public AlreadyExistsException(Reason reason, String message) {
        super(reason, message);
    }
}
