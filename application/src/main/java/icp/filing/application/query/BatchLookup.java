package icp.filing.application.query;

import java.util.List;

/**
 * The answer to one item of a batch lookup, in the request's order: the filings found, or not filed, or why the item
 * could not be read.
 */
public record BatchLookup(String item, Outcome outcome, List<PublicFiling> filings, String reason, String message) {
    public BatchLookup {
        filings = List.copyOf(filings);
    }

    /** What became of an item. */
    public enum Outcome {
        FOUND,
        NOT_FILED,
        INVALID
    }

    static BatchLookup found(String item, List<PublicFiling> filings) {
        return new BatchLookup(item, filings.isEmpty() ? Outcome.NOT_FILED : Outcome.FOUND, filings, null, null);
    }

    static BatchLookup invalid(String item, String reason, String message) {
        return new BatchLookup(item, Outcome.INVALID, List.of(), reason, message);
    }
}
