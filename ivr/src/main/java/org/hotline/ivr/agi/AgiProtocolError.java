package org.hotline.ivr.agi;

/**
 * A line the decoder could not understand (garbage, an over-long line, a malformed reply or
 * environment line). The session fails the pending command and ends the call with a fallback.
 *
 * @param line   the offending line, truncated to 200 characters
 * @param reason what was expected
 */
public record AgiProtocolError(String line, String reason) {
}
