package org.hotline.panel.http;

/**
 * The logic behind one route. Runs on the server's worker pool, never on the event loop, so it
 * may block on storage. Throw {@link ApiException} for refusals the user caused.
 */
@FunctionalInterface
public interface RouteHandler {
    ApiResponse handle(ApiRequest request) throws Exception;
}
