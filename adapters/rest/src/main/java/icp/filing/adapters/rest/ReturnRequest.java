package icp.filing.adapters.rest;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** Body of a return: coded reasons (ReturnReason names) and the reviewer's comment to the provider. */
@Serdeable
record ReturnRequest(@Nullable List<String> reasons, @Nullable String comment) {
}
