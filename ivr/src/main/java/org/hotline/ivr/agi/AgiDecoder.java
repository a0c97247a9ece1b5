package org.hotline.ivr.agi;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decodes what Asterisk writes on a FastAGI connection into {@link AgiRequest} (once),
 * {@link AgiReply}, {@link AgiHangup} and {@link AgiProtocolError} messages.
 *
 * <p>An explicit state machine over lines ({@code \n}, an optional {@code \r} is dropped):
 * <pre>
 *   ENVIRONMENT --blank line--> REPLY --"520-..."--> USAGE --"520 ..."--> REPLY
 *        any state: "HANGUP" emits AgiHangup and stays in the state
 *        a line longer than the limit: AgiProtocolError, its rest is discarded
 * </pre>
 * Bytes are buffered until a whole line is there, so split frames and partial lines decode
 * the same as whole ones. Not sharable: one instance per connection (Netty's usual contract).
 */
public final class AgiDecoder extends ByteToMessageDecoder {

    /** Longest line accepted; Asterisk's own AGI buffer is 2 KiB per reply line. */
    static final int MAX_LINE = 8192;
    /** Most environment lines accepted; Asterisk sends about 25. */
    static final int MAX_ENVIRONMENT_LINES = 256;

    private enum State { ENVIRONMENT, REPLY, USAGE }

    private State state = State.ENVIRONMENT;
    private boolean discarding;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<String> usage = new ArrayList<>();

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.isReadable()) {
            int eol = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\n');
            if (eol < 0) {
                if (in.readableBytes() > MAX_LINE) {
                    if (!discarding) {
                        out.add(new AgiProtocolError(preview(in, 200), "a line longer than " + MAX_LINE + " bytes"));
                    }
                    discarding = true;
                    in.skipBytes(in.readableBytes());
                }
                return;
            }
            int length = eol - in.readerIndex();
            if (discarding) {
                in.skipBytes(length + 1);
                discarding = false;
                continue;
            }
            if (length > MAX_LINE) {
                out.add(new AgiProtocolError(preview(in, 200), "a line longer than " + MAX_LINE + " bytes"));
                in.skipBytes(length + 1);
                continue;
            }
            String line = in.toString(in.readerIndex(), length, StandardCharsets.UTF_8);
            in.skipBytes(length + 1);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            decodeLine(line, out);
        }
    }

    private void decodeLine(String line, List<Object> out) {
        if (line.equals("HANGUP")) {
            out.add(AgiHangup.INSTANCE);
            return;
        }
        switch (state) {
            case ENVIRONMENT -> environmentLine(line, out);
            case REPLY -> replyLine(line, out);
            case USAGE -> usageLine(line, out);
        }
    }

    private void environmentLine(String line, List<Object> out) {
        if (line.isEmpty()) {
            out.add(new AgiRequest(environment));
            environment.clear();
            state = State.REPLY;
            return;
        }
        int colon = line.indexOf(": ");
        if (!line.startsWith("agi_") || colon < 5) {
            out.add(new AgiProtocolError(truncate(line), "an environment line 'agi_name: value'"));
            return;
        }
        if (environment.size() >= MAX_ENVIRONMENT_LINES) {
            out.add(new AgiProtocolError(truncate(line), "at most " + MAX_ENVIRONMENT_LINES + " environment lines"));
            return;
        }
        environment.put(canonical(line.substring(4, colon)), canonical(line.substring(colon + 2)));
    }

    /**
     * Every call keeps its environment for its whole life; sharing one instance of the names
     * and of the common short values ({@code yes}, {@code unknown}, {@code 0}...) keeps half of
     * those strings out of every call.
     */
    private static String canonical(String text) {
        String shared = SHARED.get(text);
        return shared == null ? text : shared;
    }

    private static final Map<String, String> SHARED = shared(
            "network", "network_script", "request", "channel", "language", "type", "uniqueid", "version",
            "callerid", "calleridname", "callingpres", "callingani2", "callington", "callingtns", "dnid", "rdnis",
            "context", "extension", "priority", "enhanced", "accountcode", "threadid", "arg_1", "arg_2", "arg_3",
            "yes", "no", "unknown", "0", "1", "0.0", "en", "");

    private static Map<String, String> shared(String... texts) {
        Map<String, String> map = new HashMap<>();
        for (String text : texts) {
            map.put(text, text);
        }
        return Map.copyOf(map);
    }

    private void replyLine(String line, List<Object> out) {
        if (line.startsWith("200 ")) {
            out.add(parseSuccess(line));
        } else if (line.startsWith("520-")) {
            usage.clear();
            usage.add(line.substring(4));
            state = State.USAGE;
        } else if (line.length() >= 3 && (line.startsWith("510") || line.startsWith("511") || line.startsWith("520"))
                && (line.length() == 3 || line.charAt(3) == ' ')) {
            out.add(failure(Integer.parseInt(line.substring(0, 3)), line.length() > 4 ? line.substring(4) : ""));
        } else {
            out.add(new AgiProtocolError(truncate(line), "a reply '200 result=...', 510, 511 or 520"));
        }
    }

    private void usageLine(String line, List<Object> out) {
        if (line.startsWith("520 ")) {
            usage.add(line.substring(4));
            out.add(failure(520, String.join("\n", usage)));
            usage.clear();
            state = State.REPLY;
        } else if (usage.size() >= MAX_ENVIRONMENT_LINES) {
            out.add(new AgiProtocolError(truncate(line), "the end of a 520 usage text"));
            usage.clear();
            state = State.REPLY;
        } else {
            usage.add(line);
        }
    }

    private static AgiReply failure(int code, String text) {
        return new AgiReply(code, "", Optional.empty(), Optional.empty(), Map.of(), text);
    }

    private static Object parseSuccess(String line) {
        String rest = line.substring(4);
        if (!rest.startsWith("result=")) {
            return new AgiProtocolError(truncate(line), "'200 result=...'");
        }
        rest = rest.substring(7);
        int space = rest.indexOf(' ');
        String result = space < 0 ? rest : rest.substring(0, space);
        rest = space < 0 ? "" : rest.substring(space + 1).strip();
        Optional<String> data = Optional.empty();
        if (rest.startsWith("(")) {
            int close = rest.lastIndexOf(')');
            if (close < 0) {
                return new AgiProtocolError(truncate(line), "a closing ')' after the result data");
            }
            data = Optional.of(rest.substring(1, close));
            rest = rest.substring(close + 1).strip();
        }
        Optional<Long> endpos = Optional.empty();
        Map<String, String> extra = Map.of();
        int start = 0;
        while (start < rest.length()) {
            int end = rest.indexOf(' ', start);
            end = end < 0 ? rest.length() : end;
            String pair = rest.substring(start, end);
            start = end + 1;
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            if (key.equals("endpos")) {
                try {
                    endpos = Optional.of(Long.parseLong(value));
                } catch (NumberFormatException e) {
                    return new AgiProtocolError(truncate(line), "a number after endpos=");
                }
            } else {
                if (extra.isEmpty()) {
                    extra = new HashMap<>();
                }
                extra.put(key, value);
            }
        }
        return new AgiReply(200, result, data, endpos, extra, "");
    }

    private static String truncate(String line) {
        return line.length() <= 200 ? line : line.substring(0, 200);
    }

    private static String preview(ByteBuf in, int max) {
        return in.toString(in.readerIndex(), Math.min(max, in.readableBytes()), StandardCharsets.UTF_8);
    }
}
