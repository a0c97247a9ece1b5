package org.hotline.panel.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.domain.store.Session;

/**
 * One API call as a route handler sees it: no Netty types. {@code body} is the parsed JSON
 * body (an empty object when there is none); {@code session} is present on every route that
 * requires one (the server refuses the call before the handler otherwise).
 */
public record ApiRequest(
        String method,
        String path,
        Map<String, String> pathParams,
        Map<String, List<String>> query,
        JsonNode body,
        Optional<Session> session,
        InetSocketAddress remote,
        Map<String, String> headers) {

    /** The session of a route that requires one. */
    public Session requireSession() {
        return session.orElseThrow(ApiException::unauthorized);
    }

    public String pathParam(String name) {
        String v = pathParams.get(name);
        if (v == null) {
            throw new IllegalStateException("route has no path parameter " + name);
        }
        return v;
    }

    public Optional<String> queryParam(String name) {
        var values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** A request header by lower-case name. */
    public Optional<String> header(String lowerCaseName) {
        return Optional.ofNullable(headers.get(lowerCaseName));
    }
}
