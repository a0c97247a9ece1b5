package org.hotline.app.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hotline.app.config.ConfigException;
import org.hotline.app.config.LoadedConfig;
import org.hotline.domain.config.LineConfig;
import org.hotline.ivr.sim.CallSimulator;
import org.hotline.ivr.sim.CallTranscript;
import org.hotline.ivr.sim.SimulatedCall;
import org.hotline.domain.routing.CallRouter;
import org.hotline.domain.routing.ForwardTarget;
import org.hotline.domain.routing.RoutingDecision;
import org.hotline.storage.StorageReader;
import org.hotline.domain.ticket.HistoryEvent;
import org.hotline.domain.ticket.Ticket;

/**
 * {@code simulate-call --line LINE --from NUMBER --digits KEYS [--answer WHO]}: drives the
 * running service over FastAGI exactly as Asterisk would (the same environment block, the
 * same replies), so a new user sees a call work before wiring a PBX; prints the conversation,
 * the variables the dialplan would act on, and the ticket the call left with its history.
 */
final class SimulateCallCommand implements Command {
    private static final Set<String> ANSWERS = Set.of("none", "first", "second");

    @Override
    public String name() {
        return "simulate-call";
    }

    @Override
    public String summary() {
        return "place a call on the running service over FastAGI, as Asterisk would";
    }

    @Override
    public String usage() {
        return "usage: java -jar hotline.jar simulate-call [--config FILE] --line LINE --from NUMBER\n"
                + "                                    [--digits KEYS] [--answer first|second|none] [--message-seconds N]\n\n"
                + ConfigFile.HELP + "\n"
                + "  --line LINE          a line id; the call dials its first number\n"
                + "  --from NUMBER        the caller ID presented (digits, optional +)\n"
                + "  --digits KEYS        what the caller presses, in order: 0-9 * #, _ lets one entry time\n"
                + "                       out, H hangs up there (e.g. 11# : complaint, confirm the caller ID)\n"
                + "  --answer WHO         who picks up: the first phone tried (agent in the queue, or duty\n"
                + "                       manager A), the second (B), or none (default: first)\n"
                + "  --message-seconds N  how long the caller speaks if asked for a voice message (default 3)\n";
    }

    @Override
    public int run(List<String> args, CommandContext context) throws UsageException, ConfigException {
        Arguments arguments = Arguments.parse(name(), args,
                Set.of("config", "line", "from", "digits", "answer", "message-seconds"), Set.of(), 0);
        LoadedConfig loaded = ConfigFile.load(arguments.option("config"), context.clock());
        LineConfig line = Lines.find(loaded.hotline(), arguments.required("line"));
        String from = arguments.required("from");
        if (!from.matches("\\+?[0-9]{1,20}")) {
            throw UsageException.badInput("--from expects a phone number (digits, optional +), got "
                    + Text.quote(from));
        }
        String digits = arguments.option("digits").orElse("");
        String answer = arguments.option("answer").orElse("first");
        if (!ANSWERS.contains(answer)) {
            throw UsageException.badInput("--answer expects first, second or none, got " + Text.quote(answer));
        }
        int messageSeconds = seconds(arguments.option("message-seconds"));

        SimulatedCall caller;
        try {
            caller = SimulatedCall.hotline(line.numbers().get(0), from, digits); // checks the keys
        } catch (IllegalArgumentException e) {
            throw UsageException.badInput("--digits: " + e.getMessage());
        }
        SimulatedCall call = phones(caller, loaded, line, answer, context.clock().instant())
                .withMessageSeconds(messageSeconds);
        InetSocketAddress agi = new InetSocketAddress(loaded.asterisk().agi().bindAddress(), loaded.asterisk().agi().port());
        CallTranscript transcript;
        try {
            transcript = new CallSimulator(agi, Duration.ofSeconds(30)).run(call);
        } catch (IOException e) {
            context.err().println("hotline simulate-call: cannot reach the FastAGI server at " + agi.getHostString() + ":"
                    + agi.getPort() + " (" + e.getMessage() + "); start the service first: java -jar hotline.jar run");
            return BAD_INPUT;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("line", line.id());
        out.put("conversation", transcript.lines());
        out.put("variables", new java.util.TreeMap<>(transcript.variables()));
        out.put("callerHungUp", transcript.callerHungUp());
        ticket(loaded, transcript.variable("HOTLINE_TICKET"), context).ifPresent(t -> out.putAll(t));
        JsonOutput.print(context.out(), out);
        return OK;
    }

    /** Which simulated phones pick up, from the decision the service will take now. */
    private static SimulatedCall phones(SimulatedCall call, LoadedConfig loaded, LineConfig line, String answer,
            java.time.Instant now) {
        if (answer.equals("none")) {
            return call;
        }
        RoutingDecision decision = new CallRouter(loaded.hotline()).decide(line.id(), now, false);
        if (decision instanceof RoutingDecision.Forward f) {
            int index = answer.equals("first") ? 0 : 1;
            if (index < f.targets().size()) {
                ForwardTarget target = f.targets().get(index);
                return call.withDialOutcomes(Map.of(loaded.asterisk().dial().dialString(target.number()), "ANSWER"));
            }
            return call;
        }
        List<String> devices = List.copyOf(new java.util.TreeSet<>(loaded.asterisk().agents().keySet()));
        int index = answer.equals("first") ? 0 : 1;
        return index < devices.size() ? call.withQueueAnswerer(devices.get(index)) : call;
    }

    private static Optional<Map<String, Object>> ticket(LoadedConfig loaded, String number, CommandContext context) {
        if (number.isBlank()) {
            return Optional.empty();
        }
        try (StorageReader reader = StorageReader.open(loaded.storage(), context.clock())) {
            // the IVR writes behind the call: read the ticket once its writes have settled (up to 5 s)
            Optional<Ticket> ticket = reader.tickets().findByNumber(number);
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (System.nanoTime() < deadline) {
                try {
                    Thread.sleep(150);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                Optional<Ticket> again = reader.tickets().findByNumber(number);
                boolean settled = ticket.isPresent() && again.isPresent() && again.get().version() == ticket.get().version();
                ticket = again;
                if (settled) {
                    break;
                }
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ticket", ticket.orElse(null));
            m.put("history", ticket.map(t -> reader.tickets().history(t.id())).orElse(List.<HistoryEvent>of()));
            return Optional.of(m);
        } catch (RuntimeException e) {
            context.err().println("hotline simulate-call: the call left ticket " + number
                    + " but it cannot be read back: " + e.getMessage());
            return Optional.empty();
        }
    }

    private int seconds(Optional<String> text) throws UsageException {
        if (text.isEmpty()) {
            return 3;
        }
        if (!text.get().matches("[0-9]{1,3}")) {
            throw UsageException.badInput("--message-seconds expects a whole number of seconds, got "
                    + Text.quote(text.get()));
        }
        return Integer.parseInt(text.get());
    }
}
