package org.hotline.ivr.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.hotline.ivr.agi.AgiCommand;

/**
 * Places a call on a running FastAGI server exactly as Asterisk would: connects, sends the AGI
 * environment, then answers each command like a channel driven by a {@link SimulatedCall}
 * (prompts consume the caller's keys, RECORD FILE returns a recording of the scripted length,
 * EXEC Dial and Queue answer per the script, variables are kept), until the server closes.
 * Also the fake Asterisk of the flow tests. One instance can place many calls, one at a time
 * per thread; it keeps no state between calls.
 */
public final class CallSimulator {

    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final int SAMPLES_PER_SECOND = 8000;
    /** Asterisk's spool directory as the simulated PBX reports it ({@code ${ASTSPOOLDIR}}). */
    static final String SPOOL_DIR = "/var/spool/asterisk";

    private final InetSocketAddress server;
    private final Duration readTimeout;

    public CallSimulator(InetSocketAddress server, Duration readTimeout) {
        this.server = server;
        this.readTimeout = readTimeout;
    }

    /** Runs the call to its end and returns what happened. */
    public CallTranscript run(SimulatedCall call) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(server, (int) Math.min(readTimeout.toMillis(), 10_000));
            socket.setSoTimeout((int) readTimeout.toMillis());
            socket.setTcpNoDelay(true);
            var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            var channel = new SimulatedChannel(call, "sim-" + System.currentTimeMillis() / 1000 + "." + SEQUENCE.incrementAndGet());
            out.write(channel.environment(server).getBytes(StandardCharsets.UTF_8));
            out.flush();
            String line;
            while ((line = in.readLine()) != null) {
                channel.log("> " + line);
                String reply = channel.answer(line, AgiCommand.parseArguments(line));
                for (String replyLine : reply.split("\n")) {
                    channel.log("< " + replyLine);
                }
                out.write((reply + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            return channel.transcript();
        }
    }

    /** The channel end of one call. Confined to the thread running the call. */
    private static final class SimulatedChannel {
        private final SimulatedCall call;
        private final String uniqueId;
        private final List<String> lines = new ArrayList<>();
        private final List<String> commands = new ArrayList<>();
        private final Map<String, String> variables = new LinkedHashMap<>();
        private final Keypad keypad;
        private boolean hungUp;

        SimulatedChannel(SimulatedCall call, String uniqueId) {
            this.call = call;
            this.uniqueId = uniqueId;
            this.keypad = new Keypad(call.keys());
        }

        String environment(InetSocketAddress server) {
            String host = server.getAddress().getHostAddress() + ":" + server.getPort();
            return "agi_network: yes\n"
                    + "agi_network_script: " + call.flow() + "\n"
                    + "agi_request: agi://" + host + "/" + call.flow() + "\n"
                    + "agi_channel: SIM/" + uniqueId + "\n"
                    + "agi_language: en\n"
                    + "agi_type: SIM\n"
                    + "agi_uniqueid: " + uniqueId + "\n"
                    + "agi_version: 22.0.0\n"
                    + "agi_callerid: " + (call.callerId() == null ? "unknown" : call.callerId()) + "\n"
                    + "agi_calleridname: unknown\n"
                    + "agi_dnid: " + call.dialled() + "\n"
                    + "agi_context: hotline\n"
                    + "agi_extension: " + call.dialled() + "\n"
                    + "agi_priority: 1\n"
                    + arguments()
                    + "\n";
        }

        private String arguments() {
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < call.arguments().size(); i++) {
                lines.append("agi_arg_").append(i + 1).append(": ").append(call.arguments().get(i)).append('\n');
            }
            return lines.toString();
        }

        void log(String line) {
            lines.add(line);
        }

        CallTranscript transcript() {
            return new CallTranscript(lines, commands, variables, hungUp || keypad.hungUp());
        }

        String answer(String line, List<String> args) {
            commands.add(line);
            hungUp |= keypad.hungUp();
            String verb = args.isEmpty() ? "" : args.get(0).toUpperCase();
            String two = args.size() > 1 ? verb + " " + args.get(1).toUpperCase() : verb;
            switch (two) {
                case "SET VARIABLE":
                    variables.put(arg(args, 2), arg(args, 3));
                    return "200 result=1";
                case "GET VARIABLE":
                    return getVariable(arg(args, 2));
                case "GET FULL":
                    return getVariable(arg(args, 3).replaceAll("^\\$\\{(.*)}$", "$1"));
                default:
                    break;
            }
            if (verb.equals("EXEC") && arg(args, 1).equalsIgnoreCase("Playback") && hungUp) {
                variables.put("PLAYBACKSTATUS", "FAILED"); // Playback on a dead channel, as Asterisk 22 answers
                return "200 result=0";
            }
            if (hungUp) {
                return "511 Command Not Permitted on a dead channel or intercept routine";
            }
            switch (two) {
                case "STREAM FILE":
                    return call.missing().contains(arg(args, 2)) ? "200 result=-1 endpos=0" : keypad.streamFile(arg(args, 3));
                case "GET DATA":
                    if (call.missing().contains(arg(args, 2))) {
                        return "200 result=-1"; // a missing prompt: the same reply as a hangup
                    }
                    return keypad.getData(Integer.parseInt(args.size() > 4 ? args.get(4) : "1024"));
                case "CHANNEL STATUS":
                    return "200 result=6";
                case "WAIT FOR":
                    return keypad.waitForDigit();
                case "RECORD FILE":
                    return writable(arg(args, 2)) ? recordFile() : "200 result=-1 (writefile)";
                case "SAY DIGITS":
                    return "200 result=0";
                default:
                    break;
            }
            switch (verb) {
                case "ANSWER", "NOOP", "VERBOSE":
                    return "200 result=0";
                case "HANGUP":
                    hungUp = true;
                    return "200 result=1";
                case "EXEC":
                    return exec(arg(args, 1), arg(args, 2));
                default:
                    return "510 Invalid or unknown command";
            }
        }

        private static String arg(List<String> args, int index) {
            return index < args.size() ? args.get(index) : "";
        }

        /** Whether Asterisk could create {@code file}: no directory above it is missing. */
        private boolean writable(String file) {
            return call.missing().stream().noneMatch(dir -> file.startsWith(dir + "/"));
        }

        private String getVariable(String name) {
            String value = switch (name) {
                case "CHANNEL(linkedid)" -> uniqueId;
                case "ASTSPOOLDIR" -> SPOOL_DIR;
                default -> variables.get(name);
            };
            return value == null ? "200 result=0" : "200 result=1 (" + value + ")";
        }

        private String recordFile() {
            long samples = (long) call.messageSeconds() * SAMPLES_PER_SECOND;
            if (keypad.press(Keypad.HANG_UP)) {
                return "HANGUP\n200 result=-1 (hangup) endpos=" + samples;
            }
            if (keypad.press('#')) {
                return "200 result=35 (dtmf) endpos=" + samples;
            }
            return "200 result=0 (timeout) endpos=" + samples;
        }

        /** {@code EXEC Record}: creates the directory unless it is missing for good; RECORD_STATUS as app_record sets it. */
        private String record(String file) {
            if (!writable(file)) {
                variables.put("RECORD_STATUS", "ERROR");
                return "200 result=0";
            }
            variables.put("RECORDED_FILE", file.replaceAll("\\.wav$", ""));
            char key = keypad.peek();
            variables.put("RECORD_STATUS", key == Keypad.HANG_UP ? "HANGUP" : key == '#' ? "DTMF" : "SILENCE");
            return key == Keypad.HANG_UP ? hangUpAfterMessage() : consumeTerminator();
        }

        private String hangUpAfterMessage() {
            return keypad.peek() == Keypad.HANG_UP ? keypad.hangUp() : "200 result=0";
        }

        private String consumeTerminator() {
            keypad.press('#');
            return "200 result=0";
        }

        private String exec(String application, String options) {
            String[] parts = options.split(",", -1);
            if (application.equalsIgnoreCase("Dial")) {
                String status = call.dialOutcomes().getOrDefault(parts[0], "NOANSWER");
                variables.put("DIALSTATUS", status);
                if (status.equals("CANCEL")) {
                    hungUp = true;
                    return "HANGUP\n200 result=-1";
                }
                if (status.equals("ANSWER")) {
                    hungUp = true; // the bridged call ended and the caller's side hung up with it
                    return "HANGUP\n200 result=-1";
                }
                return "200 result=0";
            }
            if (application.equalsIgnoreCase("Playback")) {
                variables.put("PLAYBACKSTATUS", call.missing().contains(options) ? "FAILED" : "SUCCESS");
                return "200 result=0";
            }
            if (application.equalsIgnoreCase("Record")) {
                return record(parts[0]);
            }
            if (application.equalsIgnoreCase("VoiceMail")) {
                String[] box = parts[0].split("@", 2);
                variables.put("VMSTATUS", "SUCCESS");
                variables.put("VM_MESSAGEFILE", SPOOL_DIR + "/voicemail/" + (box.length > 1 ? box[1] : "default") + "/"
                        + box[0] + "/INBOX/msg0000");
                return hangUpAfterMessage();
            }
            if (application.equalsIgnoreCase("Queue")) {
                if (call.queueAnswerer() != null) {
                    variables.put("MEMBERINTERFACE", call.queueAnswerer());
                    hungUp = true;
                    return "HANGUP\n200 result=-1";
                }
                variables.put("QUEUESTATUS", "TIMEOUT");
                return "200 result=0";
            }
            return "200 result=0";
        }
    }
}
