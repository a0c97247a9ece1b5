package org.hotline.ivr.agi;

import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * A call flow, registered under a name that callers reach as {@code agi://host/<name>}.
 *
 * <p>{@link #run} is called once per call on the connection's event loop and must not block
 * (see {@link AgiSession} for the model). When the returned stage completes the server closes
 * the connection and the dialplan continues after {@code AGI()}. When it fails, the server
 * sets {@code HOTLINE_STATUS=FALLBACK} plus {@link #fallbackVariables} so the dialplan still
 * reaches a person. Implementations are shared by all calls and must be thread-safe.
 */
public interface AgiFlow {

    CompletionStage<?> run(AgiSession session);

    /**
     * Channel variables set with {@code HOTLINE_STATUS=FALLBACK} when the flow fails; by
     * default none (the dialplan uses its static fallback).
     */
    default Map<String, String> fallbackVariables(AgiRequest request) {
        return Map.of();
    }

    /**
     * Called on the event loop when the server refuses a call for this flow before running it
     * (over {@code max-calls}); the dialplan's fallback takes the caller. Must not block: a flow
     * that records calls does it through {@link AgiSession#call}. By default nothing.
     */
    default void refused(AgiSession session, String reason) {
    }
}
