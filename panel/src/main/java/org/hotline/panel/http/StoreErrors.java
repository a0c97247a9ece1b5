package org.hotline.panel.http;

import java.util.Optional;
import org.hotline.domain.store.StoreUnavailableException;
import org.hotline.domain.store.TicketNotFoundException;
import org.hotline.domain.store.VersionConflictException;
import org.hotline.domain.ticket.TransitionRefusedException;

/**
 * The one mapping of the stores' exceptions to API refusals, applied by the server to whatever a
 * route handler throws (handlers let them through): refused transition -> 422 with the
 * lifecycle's reason, version conflict -> 409, unknown ticket -> 404, database down -> 503.
 */
public final class StoreErrors {
    private StoreErrors() {}

    /** The refusal {@code e} stands for, or empty when it is not a store error (a 500 then). */
    public static Optional<ApiException> toApi(RuntimeException e) {
        if (e instanceof ApiException api) {
            return Optional.of(api);
        }
        if (e instanceof TransitionRefusedException) {
            return Optional.of(ApiException.unprocessable("refused", e.getMessage()));
        }
        if (e instanceof VersionConflictException) {
            return Optional.of(ApiException.conflict("version_conflict", e.getMessage()));
        }
        if (e instanceof TicketNotFoundException) {
            return Optional.of(ApiException.notFound(e.getMessage()));
        }
        if (e instanceof StoreUnavailableException) {
            return Optional.of(new ApiException(503, "store_unavailable",
                    "The ticket database cannot be reached right now; retry in a moment. (" + e.getMessage() + ")"));
        }
        return Optional.empty();
    }
}
