package icp.filing.domain.error;

import java.util.List;

/** Input breaks one or more rules (gRPC INVALID_ARGUMENT, HTTP 400); every violation names its field. */
public final class InvalidInputException extends FilingException {
    private final List<Violation> violations;

    public InvalidInputException(List<Violation> violations) {
        super(violations.get(0).reason(), summary(violations));
        this.violations = List.copyOf(violations);
    }

    public static InvalidInputException of(String field, Reason reason, String message) {
        return new InvalidInputException(List.of(new Violation(field, reason, message)));
    }

    public List<Violation> violations() {
        return violations;
    }

    private static String summary(List<Violation> violations) {
        Violation first = violations.get(0);
        String more = violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : "";
        return first.field() + ": " + first.message() + more;
    }
}
