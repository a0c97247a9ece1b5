package org.hotline.ivr.sim;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A call to present to a FastAGI server, and how the simulated caller and phones behave.
 *
 * <p>{@code keys} is what the caller presses, consumed in order by the prompts that collect
 * keys (GET DATA, WAIT FOR DIGIT, interruptible STREAM FILE, RECORD FILE's {@code #}):
 * digits, {@code *} and {@code #} as keyed; {@code _} lets one entry time out with nothing;
 * {@code H} hangs up at that point. When the keys run out, every further entry times out.
 *
 * @param flow          flow name, as in {@code agi://host/<flow>}
 * @param dialled       the number the caller dialled (selects the line)
 * @param callerId      the caller's number, or {@code null} when withheld
 * @param keys          the caller's key presses, see above
 * @param dialOutcomes  DIALSTATUS per dial string for {@code EXEC Dial} (default NOANSWER);
 *                      {@code CANCEL} means the caller hung up while it rang
 * @param queueAnswerer the device that answers {@code EXEC Queue} (e.g. {@code PJSIP/1001}),
 *                      or {@code null} for a queue timeout
 * @param messageSeconds how long the caller speaks into RECORD FILE (0: silence)
 * @param arguments     the AGI arguments ({@code agi_arg_1}...); the hotline flow takes the
 *                      dialled number, the survey flow a ticket number and a panel user
 * @param missing       what this Asterisk lacks: sound files (as the flow names them, without
 *                      extension) it cannot play, and directories it cannot write (a recording
 *                      into them fails); answered as Asterisk 22 answers (see
 *                      {@code ivr/AGI-CONTRACT.md}, "Replies the flow relies on")
 */
public record SimulatedCall(String flow, String dialled, String callerId, String keys,
                            Map<String, String> dialOutcomes, String queueAnswerer, int messageSeconds,
                            List<String> arguments, Set<String> missing) {

    public SimulatedCall {
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(dialled, "dialled");
        Objects.requireNonNull(keys, "keys");
        dialOutcomes = Map.copyOf(dialOutcomes);
        arguments = List.copyOf(arguments);
        missing = Set.copyOf(missing);
        for (String argument : arguments) {
            if (argument.chars().anyMatch(c -> c < 0x20)) {
                throw new IllegalArgumentException("an AGI argument cannot hold control characters");
            }
        }
        if (!keys.matches("[0-9*#_H]*")) {
            throw new IllegalArgumentException("keys may hold 0-9, *, #, _ (no input) and H (hang up), got " + keys);
        }
        if (messageSeconds < 0) {
            throw new IllegalArgumentException("message seconds must be >= 0");
        }
    }

    /** A hotline call that presses {@code keys}; nobody answers any phone. */
    public static SimulatedCall hotline(String dialled, String callerId, String keys) {
        return new SimulatedCall("hotline", dialled, callerId, keys, Map.of(), null, 0, List.of(dialled), Set.of());
    }

    /** A satisfaction survey call for {@code ticketNumber} on behalf of panel user {@code user}. */
    public static SimulatedCall survey(String ticketNumber, String user, String callerId, String keys) {
        return new SimulatedCall("survey", callerId == null ? "s" : callerId, callerId, keys, Map.of(), null, 0,
                List.of(ticketNumber, user), Set.of());
    }

    public SimulatedCall withDialOutcomes(Map<String, String> outcomes) {
        return new SimulatedCall(flow, dialled, callerId, keys, outcomes, queueAnswerer, messageSeconds, arguments, missing);
    }

    public SimulatedCall withQueueAnswerer(String device) {
        return new SimulatedCall(flow, dialled, callerId, keys, dialOutcomes, device, messageSeconds, arguments, missing);
    }

    public SimulatedCall withMessageSeconds(int seconds) {
        return new SimulatedCall(flow, dialled, callerId, keys, dialOutcomes, queueAnswerer, seconds, arguments, missing);
    }

    /** This Asterisk lacks {@code soundsAndDirectories} (see {@code missing}). */
    public SimulatedCall withMissing(Set<String> soundsAndDirectories) {
        return new SimulatedCall(flow, dialled, callerId, keys, dialOutcomes, queueAnswerer, messageSeconds, arguments,
                soundsAndDirectories);
    }

    public SimulatedCall withFlow(String name) {
        return new SimulatedCall(name, dialled, callerId, keys, dialOutcomes, queueAnswerer, messageSeconds, arguments, missing);
    }
}
