package org.hotline.app.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.hotline.app.config.ConfigException;
import org.hotline.app.config.LoadedConfig;
import org.hotline.domain.config.HotlineConfig;
import org.hotline.domain.config.LineConfig;
import org.hotline.domain.routing.CallRouter;
import org.hotline.domain.routing.Fallback;
import org.hotline.domain.routing.ForwardTarget;
import org.hotline.domain.routing.RoutingDecision;

/**
 * {@code route --config FILE --line LINE --at ISO-8601 [--urgent]}: prints the routing decision
 * for a call on a line at an instant, as the IVR would take it.
 */
final class RouteCommand implements Command {

    /** The decision as JSON: {@code queue} only for QUEUE, {@code targets} only for FORWARD. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Result(String line, OffsetDateTime at, boolean urgent, String period, String action, String queue,
            List<Target> targets, FallbackResult fallback) {}

    record Target(String personId, String name, String number, String role, int ringSeconds) {}

    record FallbackResult(String voicemail, OffsetDateTime nextOpening,
            @com.fasterxml.jackson.annotation.JsonProperty("notify") List<PersonResult> notifyPeople) {}

    record PersonResult(String id, String name, String number) {}

    @Override
    public String name() {
        return "route";
    }

    @Override
    public String summary() {
        return "print who must answer a call on a line at an instant";
    }

    @Override
    public String usage() {
        return "usage: java -jar hotline.jar route [--config FILE] --line LINE --at DATE-TIME [--urgent]\n\n"
                + ConfigFile.HELP + "\n"
                + "  --line LINE     a line id of the configuration\n"
                + "  --at DATE-TIME  ISO-8601 with an offset (2026-11-24T20:00+08:00) or zone\n"
                + "                  (2026-11-24T20:00[Asia/Shanghai]), or local in the configuration's zone\n"
                + "  --urgent        an urgent request (the line's urgent path applies)\n";
    }

    @Override
    public int run(List<String> args, CommandContext context) throws UsageException, ConfigException {
        Arguments arguments = Arguments.parse(name(), args, Set.of("config", "line", "at"), Set.of("urgent"), 0);
        String lineId = arguments.required("line");
        String atText = arguments.required("at");
        LoadedConfig loaded = ConfigFile.load(arguments.option("config"), context.clock());
        HotlineConfig config = loaded.hotline();
        LineConfig line = Lines.find(config, lineId);
        ZoneId zone = config.zone();
        Instant at = TimeArguments.instant("at", atText, zone);
        boolean urgent = arguments.flag("urgent");

        RoutingDecision decision = new CallRouter(config).decide(line.id(), at, urgent);
        JsonOutput.print(context.out(), result(config, line, at, urgent, decision));
        return OK;
    }

    private static Result result(HotlineConfig config, LineConfig line, Instant at, boolean urgent,
            RoutingDecision decision) {
        ZoneId zone = config.zone();
        String queue = null;
        List<Target> targets = null;
        String action;
        if (decision instanceof RoutingDecision.Queue q) {
            action = "QUEUE";
            queue = q.queue();
        } else if (decision instanceof RoutingDecision.Forward f) {
            action = "FORWARD";
            targets = f.targets().stream().map(RouteCommand::target).toList();
        } else {
            action = "VOICEMAIL";
        }
        Fallback fallback = decision.fallback();
        FallbackResult fallbackResult = new FallbackResult(fallback.voicemailBox(),
                fallback.nextOpening().map(i -> i.atZone(zone).toOffsetDateTime()).orElse(null),
                fallback.notifyPersonIds().stream()
                        .map(id -> config.person(id)
                                .map(p -> new PersonResult(p.id(), p.name(), p.phone()))
                                .orElse(new PersonResult(id, null, null)))
                        .toList());
        return new Result(line.id(), at.atZone(zone).toOffsetDateTime(), urgent, decision.period().name(), action,
                queue, targets, fallbackResult);
    }

    private static Target target(ForwardTarget t) {
        return new Target(t.personId(), t.name(), t.number(), t.role().name(), t.ringSeconds());
    }
}
