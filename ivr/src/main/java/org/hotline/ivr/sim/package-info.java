/**
 * The call simulator behind {@code simulate-call}: {@code CallSimulator} connects to a running
 * FastAGI server as Asterisk would and plays a {@code SimulatedCall}, returning the
 * {@code CallTranscript}.
 */
package org.hotline.ivr.sim;
