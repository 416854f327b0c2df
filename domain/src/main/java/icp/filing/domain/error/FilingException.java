package icp.filing.domain.error;

/** Base of every refusal the system gives on purpose; adapters translate each subtype to one status. */
public abstract sealed class FilingException extends RuntimeException
        permits InvalidInputException, StateConflictException, NotFoundException,
                ConcurrentUpdateException, AlreadyExistsException, PermissionDeniedException,
                ResourceExhaustedException, UnavailableException {

    private final Reason reason;

    protected FilingException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
