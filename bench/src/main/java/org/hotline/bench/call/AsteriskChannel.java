package org.hotline.bench.call;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hotline.ivr.agi.AgiCommand;
import org.hotline.ivr.sim.Keypad;

/**
 * The channel end of one benchmark call: answers each AGI command as Asterisk 22 would for a
 * caller following a {@link CallerScript} (the same replies as the call simulator's, pinned by
 * AgiRepliesIT), and says how long the reply is held: a caller listening to a prompt or
 * thinking before keying ({@link Hold#THINK}), a queue or forward that rings, is answered and
 * talks, or a message being spoken ({@link Hold#LONG}), or nothing. An answered queue or dial
 * ends with the caller hanging up after the talk, as a bridged call does. Confined to the
 * driver's event loop.
 */
final class AsteriskChannel {

    enum Hold { NONE, THINK, LONG }

    record Reply(String text, Hold hold) {}

    private final CallerScript script;
    private final String uniqueId;
    private final Map<String, String> variables = new HashMap<>();
    private final Keypad keypad;
    private boolean hungUp;

    AsteriskChannel(CallerScript script, String uniqueId) {
        this.script = script;
        this.uniqueId = uniqueId;
        this.keypad = new Keypad(script.keys());
    }

    String environment(String flow) {
        return "agi_network: yes\nagi_network_script: " + flow + "\nagi_request: agi://127.0.0.1/" + flow + "\n"
                + "agi_channel: PJSIP/trunk-" + uniqueId + "\nagi_language: en\nagi_type: PJSIP\n"
                + "agi_uniqueid: " + uniqueId + "\nagi_version: 22.0.0\nagi_callerid: " + script.callerId() + "\n"
                + "agi_calleridname: unknown\nagi_callingpres: 0\nagi_dnid: " + script.dialled() + "\n"
                + "agi_rdnis: unknown\nagi_context: hotline-in\nagi_extension: " + script.dialled() + "\n"
                + "agi_priority: 2\nagi_enhanced: 0.0\nagi_accountcode: \nagi_threadid: 1\n\n";
    }

    /** HOTLINE_STATUS as the service left it (OK, FALLBACK, ...), or null. */
    String status() {
        return variables.get("HOTLINE_STATUS");
    }

    String ticket() {
        return variables.get("HOTLINE_TICKET");
    }

    Reply answer(String line) {
        List<String> args = AgiCommand.parseArguments(line);
        String verb = args.isEmpty() ? "" : args.get(0).toUpperCase();
        String two = args.size() > 1 ? verb + " " + args.get(1).toUpperCase() : verb;
        switch (two) {
            case "SET VARIABLE":
                variables.put(arg(args, 2), arg(args, 3));
                return now("200 result=1");
            case "GET VARIABLE":
                return now(variable(arg(args, 2)));
            case "GET FULL":
                return now(variable(arg(args, 3).replaceAll("^\\$\\{(.*)}$", "$1")));
            default:
                break;
        }
        if (hungUp) {
            return now("511 Command Not Permitted on a dead channel or intercept routine");
        }
        switch (two) {
            case "STREAM FILE":
                return new Reply(keypad.streamFile(arg(args, 3)), Hold.THINK);
            case "GET DATA":
                return new Reply(keypad.getData(args.size() > 4 ? Integer.parseInt(args.get(4)) : 1024), Hold.THINK);
            case "SAY DIGITS":
                return new Reply("200 result=0", Hold.THINK);
            case "RECORD FILE":
                keypad.press('#');
                return new Reply("200 result=35 (dtmf) endpos=48000", Hold.LONG);
            case "CHANNEL STATUS":
                return now("200 result=6");
            default:
                break;
        }
        return switch (verb) {
            case "ANSWER", "NOOP", "VERBOSE" -> now("200 result=0");
            case "HANGUP" -> {
                hungUp = true;
                yield now("200 result=1");
            }
            case "EXEC" -> exec(arg(args, 1), arg(args, 2));
            default -> now("510 Invalid or unknown command");
        };
    }

    private static Reply now(String text) {
        return new Reply(text, Hold.NONE);
    }

    private static String arg(List<String> args, int index) {
        return index < args.size() ? args.get(index) : "";
    }

    private String variable(String name) {
        String value = switch (name) {
            case "CHANNEL(linkedid)" -> uniqueId;
            case "ASTSPOOLDIR" -> "/var/spool/asterisk";
            default -> variables.get(name);
        };
        return value == null ? "200 result=0" : "200 result=1 (" + value + ")";
    }

    private Reply exec(String application, String options) {
        String[] parts = options.split(",", -1);
        if (application.equalsIgnoreCase("Dial")) {
            variables.put("DIALSTATUS", "ANSWER");
            hungUp = true; // answered, talked, and the caller hung up with the bridge
            return new Reply("HANGUP\n200 result=-1", Hold.LONG);
        }
        if (application.equalsIgnoreCase("Queue")) {
            variables.put("MEMBERINTERFACE", "PJSIP/1001");
            variables.put("QUEUESTATUS", "");
            hungUp = true;
            return new Reply("HANGUP\n200 result=-1", Hold.LONG);
        }
        if (application.equalsIgnoreCase("Record")) {
            variables.put("RECORDED_FILE", parts[0].replaceAll("\\.wav$", ""));
            variables.put("RECORD_STATUS", "DTMF");
            keypad.press('#');
            return new Reply("200 result=0", Hold.LONG);
        }
        if (application.equalsIgnoreCase("Playback")) {
            variables.put("PLAYBACKSTATUS", "SUCCESS");
            return new Reply("200 result=0", Hold.THINK);
        }
        return now("200 result=0");
    }
}
