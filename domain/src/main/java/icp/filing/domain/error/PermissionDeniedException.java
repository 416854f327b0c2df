package icp.filing.domain.error;

/** The caller is known but may not do this (gRPC PERMISSION_DENIED, HTTP 403). */
public final class PermissionDeniedException extends FilingException {
    public PermissionDeniedException(Reason reason, String message) {
        super(reason, message);
    }
}
