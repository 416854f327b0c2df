package icp.filing.domain.error;

/**
 * Thrown by a value object's constructor. It does not know which field it came from;
 * {@link Violations} adds the field path.
 */
public final class InvalidValueException extends RuntimeException {
    private final Reason reason;

    public InvalidValueException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
