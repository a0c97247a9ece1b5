/**
 * The FastAGI wire and server: {@code AgiDecoder} (the state machine over replies),
 * {@code AgiCommand} (every command rendered in one place), {@code FastAgiServer} /
 * {@code FastAgiServerInitializer} / {@code FastAgiServerHandler}, {@code AgiSession} (one call)
 * and {@code AgiFlows} (flows by name). Flows never see bytes.
 */
package org.hotline.ivr.agi;
