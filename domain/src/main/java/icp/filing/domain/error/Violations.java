package icp.filing.domain.error;

import icp.filing.domain.common.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects every violation of one request so that a provider fixes all of them in one round trip
 * instead of discovering them one submission at a time.
 */
public final class Violations {
    private final List<Violation> found = new ArrayList<>();

    /** Builds a value, or records why it cannot be built and returns null. */
    public <T> T check(String field, Supplier<T> build) {
        try {
            return build.get();
        } catch (InvalidValueException e) {
            add(field, e.reason(), e.getMessage());
            return null;
        } catch (InvalidInputException e) {
            for (Violation v : e.violations()) {
                add(field + "." + v.field(), v.reason(), v.message());
            }
            return null;
        }
    }

    /** A required text: trimmed and NFKC-normalised, or a REQUIRED / TOO_LONG violation. */
    public String text(String field, String raw, int maxLength) {
        return check(field, () -> Text.required(raw, maxLength));
    }

    public void add(Violation violation) {
        add(violation.field(), violation.reason(), violation.message());
    }

    public void add(String field, Reason reason, String message) {
        found.add(new Violation(field, reason, message));
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidInputException(found);
        }
    }
}
