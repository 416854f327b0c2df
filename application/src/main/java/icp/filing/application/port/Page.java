package icp.filing.application.port;

import java.util.List;

/** One page of results with the total count, so clients can page without guessing. */
public record Page<T>(List<T> items, int page, int size, long total) {
    public Page {
        items = List.copyOf(items);
    }
}
