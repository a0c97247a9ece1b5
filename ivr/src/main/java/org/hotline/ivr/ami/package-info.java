/**
 * The AMI side: {@code AmiClient} (log-in, keepalive, reconnect, re-synchronisation),
 * {@code AmiEventTranslator} (Asterisk-Java events to {@code AmiEvent} values),
 * {@code ScreenPopRouter} (which agent's phone rings for which call) and
 * {@code EventStreamScreenPops} (publishes screen pops to the agents' streams).
 */
package org.hotline.ivr.ami;
