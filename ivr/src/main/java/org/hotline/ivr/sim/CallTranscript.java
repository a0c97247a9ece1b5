package org.hotline.ivr.sim;

import java.util.List;
import java.util.Map;

/**
 * What happened on a simulated call: every line exchanged ({@code > } sent by the server,
 * {@code < } answered by the simulated channel), the commands alone, and the channel
 * variables as they stood when the server closed the connection.
 */
public record CallTranscript(List<String> lines, List<String> commands, Map<String, String> variables,
                             boolean callerHungUp) {

    public CallTranscript {
        lines = List.copyOf(lines);
        commands = List.copyOf(commands);
        variables = Map.copyOf(variables);
    }

    public String variable(String name) {
        return variables.getOrDefault(name, "");
    }

    /** The transcript as printable text, one exchange per line. */
    public String text() {
        return String.join(System.lineSeparator(), lines);
    }
}
