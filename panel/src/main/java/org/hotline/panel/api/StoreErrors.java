package org.hotline.panel.api;

import java.util.function.Supplier;
import org.hotline.panel.http.ApiException;
import org.hotline.domain.store.StoreUnavailableException;
import org.hotline.domain.store.TicketNotFoundException;
import org.hotline.domain.ticket.TransitionRefusedException;
import org.hotline.domain.store.VersionConflictException;

/**
 * Turns the ticket store's exceptions into API refusals: refused transition -> 422 with the
 * lifecycle's reason, version conflict -> 409, unknown ticket -> 404, database down -> 503.
 */
final class StoreErrors {
    private StoreErrors() {}

    static <T> T call(Supplier<T> action) {
        try {
            return action.get();
        } catch (TransitionRefusedException e) {
            throw ApiException.unprocessable("refused", e.getMessage());
        } catch (VersionConflictException e) {
            throw ApiException.conflict("version_conflict", e.getMessage());
        } catch (TicketNotFoundException e) {
            throw ApiException.notFound(e.getMessage());
        } catch (StoreUnavailableException e) {
            throw new ApiException(503, "store_unavailable",
                    "The ticket database cannot be reached right now; retry in a moment. (" + e.getMessage() + ")");
        }
    }
}
