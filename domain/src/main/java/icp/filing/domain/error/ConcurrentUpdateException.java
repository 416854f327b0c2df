package icp.filing.domain.error;

/** Lost a race against another writer (gRPC ABORTED, HTTP 409). */
public final class ConcurrentUpdateException extends FilingException {
    public ConcurrentUpdateException(Reason reason, String message) {
        super(reason, message);
    }
}
