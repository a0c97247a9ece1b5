package org.hotline.ivr.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * One simulated caller, placed by {@link AsteriskHarness#call}. The caller's own leg has
 * uniqueid {@link #callerId()} (also the call's linkedid); the leg running the hotline dialplan
 * has {@link #ivrId()}. The caller reacts to the IVR like a person: it waits until the IVR is
 * actually listening (an AGI command that reads keys has started) before pressing keys, so no
 * test depends on guessed delays.
 */
public final class TestCall {
    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(20);
    private static final List<String> LISTENING_COMMANDS = List.of("GET DATA", "WAIT FOR DIGIT", "GET OPTION",
            "RECORD FILE", "EXEC READ", "EXEC BACKGROUND", "EXEC RECORD");

    private final AmiTestConnection ami;
    private final String callerId;
    private final String ivrId;
    private final int start;
    private int cursor;
    private String callerChannel;

    TestCall(AmiTestConnection ami, String callerId, String ivrId, int start) {
        this.ami = ami;
        this.callerId = callerId;
        this.ivrId = ivrId;
        this.start = start;
        this.cursor = start;
    }

    public String callerId() {
        return callerId;
    }

    public String ivrId() {
        return ivrId;
    }

    /** The caller leg's channel name, once Asterisk created it. */
    public String callerChannel() {
        if (callerChannel == null) {
            callerChannel = ami.await(start, m -> m.isEvent("Newchannel") && callerId.equals(m.get("Uniqueid")),
                    DEFAULT_WAIT, "Newchannel of " + callerId).get("Channel");
        }
        return callerChannel;
    }

    /**
     * Whether an AGI command makes the IVR listen for keys: the reading commands, and STREAM FILE
     * with escape digits (a prompt played with {@code ""} listens to nothing).
     */
    static boolean listening(String agiCommand) {
        String c = agiCommand.toUpperCase(Locale.ROOT).strip();
        if (c.startsWith("STREAM FILE") || c.startsWith("CONTROL STREAM FILE")) {
            return !c.endsWith("\"\"") && !c.matches(".*\\s\"?\"?$");
        }
        return LISTENING_COMMANDS.stream().anyMatch(c::startsWith);
    }

    /**
     * Waits until the IVR starts its next key-reading AGI command after the previous one this
     * caller saw, and returns that command.
     */
    public String awaitPrompt() {
        return awaitPrompt(DEFAULT_WAIT);
    }

    public String awaitPrompt(Duration timeout) {
        int i = ami.awaitIndex(cursor, m -> m.isEvent("AGIExecStart") && ivrId.equals(m.get("Uniqueid"))
                && listening(m.get("Command")), timeout, "an IVR prompt on " + ivrId);
        cursor = i + 1;
        return ami.events().get(i).get("Command");
    }

    /** Presses keys now (AMI PlayDTMF on the caller's leg, received by the IVR leg). */
    public void press(String keys) {
        for (char k : keys.toCharArray()) {
            try {
                AmiMessage r = ami.action("PlayDTMF", "Channel", callerChannel(), "Digit", String.valueOf(k),
                        "Duration", "120");
                if (!"Success".equalsIgnoreCase(r.get("Response"))) {
                    throw new IllegalStateException("PlayDTMF " + k + " refused: " + r.get("Message"));
                }
                Thread.sleep(150);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Waits for the IVR's next prompt, then presses {@code keys}; returns the prompt's AGI command. */
    public String answer(String keys) {
        String command = awaitPrompt();
        press(keys);
        return command;
    }

    /** The caller hangs up. */
    public void hangup() {
        try {
            ami.action("Hangup", "Channel", callerChannel());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the hotline leg of the call has hung up. */
    public AmiMessage awaitEnd(Duration timeout) {
        return ami.await(start, m -> m.isEvent("Hangup") && ivrId.equals(m.get("Uniqueid")), timeout,
                "hangup of " + ivrId);
    }

    /** Waits for an event of this call (any channel with the call's linkedid) after the call began. */
    public AmiMessage await(Predicate<AmiMessage> match, Duration timeout, String what) {
        return ami.await(start, m -> callerId.equals(m.get("Linkedid")) && match.test(m), timeout, what);
    }

    /** Every event of this call so far (any channel with the call's linkedid). */
    public List<AmiMessage> events() {
        return ami.events().stream().skip(start).filter(m -> callerId.equals(m.get("Linkedid"))).toList();
    }

    /** The applications the hotline leg ran, in order, as {@code App(data)} (from Newexten events). */
    public List<String> ivrApplications() {
        return ami.events().stream().skip(start)
                .filter(m -> m.isEvent("Newexten") && ivrId.equals(m.get("Uniqueid")))
                .map(m -> m.get("Application") + "(" + m.get("AppData") + ")")
                .toList();
    }
}
