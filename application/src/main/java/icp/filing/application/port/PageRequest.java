package icp.filing.application.port;

import icp.filing.domain.error.InvalidInputException;
import icp.filing.domain.error.Reason;

/** A zero-based page; sizes are capped so that one call cannot ask for the whole table. */
public record PageRequest(int page, int size) {
    public static final int MAX_SIZE = 100;
    public static final int DEFAULT_SIZE = 20;

    public PageRequest {
        if (page < 0) {
            throw InvalidInputException.of("page", Reason.INVALID_PAGE, "page starts at 0");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw InvalidInputException.of("size", Reason.INVALID_PAGE, "size is 1.." + MAX_SIZE);
        }
    }

    /** Unset values (0 from protobuf, null from a query string) take the defaults. */
    public static PageRequest of(Integer page, Integer size) {
        return new PageRequest(page == null ? 0 : page, size == null || size == 0 ? DEFAULT_SIZE : size);
    }

    public long offset() {
        return (long) page * size;
    }
}
