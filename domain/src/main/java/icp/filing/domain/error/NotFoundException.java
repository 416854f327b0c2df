package icp.filing.domain.error;

/** Nothing visible to the caller has that id (gRPC NOT_FOUND, HTTP 404). */
public final class NotFoundException extends FilingException {
    public NotFoundException(Reason reason, String message) {
        super(reason, message);
    }
}
