package icp.filing.adapters.rest;

import icp.filing.application.port.Page;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.function.Function;

/** A page of results as JSON. */
@Serdeable
record PageView<T>(List<T> items, int page, int size, long total) {
    static <S, T> PageView<T> of(Page<S> page, Function<S, T> view) {
        return new PageView<>(page.items().stream().map(view).toList(), page.page(), page.size(), page.total());
    }
}
