package org.hotline.app.cli;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hotline.app.config.ConfigException;
import org.hotline.domain.calendar.WorkingCalendar;
import org.hotline.domain.config.DeadlinePolicy;
import org.hotline.domain.config.DeadlineStep;
import org.hotline.domain.config.HotlineConfig;
import org.hotline.domain.config.LineConfig;
import org.hotline.domain.deadline.DeadlineCalculator;
import org.hotline.domain.deadline.StepDeadline;

/**
 * {@code deadline [--config FILE] --line LINE --kind KIND --from DATE-TIME}: the due instant (and
 * the latest extension) of each step of the deadline policy the line uses for that kind of
 * request, for a ticket accepted at {@code --from}.
 */
final class DeadlineCommand implements Command {

    record Result(String line, String kind, String policy, OffsetDateTime from, List<Step> steps) {}

    record Step(String step, String rule, String after, OffsetDateTime start, OffsetDateTime due, String maxRule,
            OffsetDateTime max, String doneAt) {}

    @Override
    public String name() {
        return "deadline";
    }

    @Override
    public String summary() {
        return "print when each step of a request is due, in working time";
    }

    @Override
    public String usage() {
        return "usage: java -jar hotline.jar deadline [--config FILE] --line LINE --kind KIND --from DATE-TIME\n\n"
                + ConfigFile.HELP + "\n"
                + "  --line LINE     a line id of the configuration\n"
                + "  --kind KIND     a kind of request the line has a policy for (complaint, inquiry, ...)\n"
                + "  --from DATE-TIME  when the ticket was accepted: ISO-8601 with an offset or zone,\n"
                + "                  or local in the configuration's zone\n";
    }

    @Override
    public int run(List<String> args, CommandContext context) throws UsageException, ConfigException {
        Arguments arguments = Arguments.parse(name(), args, Set.of("config", "line", "kind", "from"), Set.of(), 0);
        String lineId = arguments.required("line");
        String kind = arguments.required("kind");
        String fromText = arguments.required("from");
        HotlineConfig config = ConfigFile.load(arguments.option("config"), context.clock()).hotline();
        LineConfig line = Lines.find(config, lineId);
        String policyId = line.policyFor(kind).orElseThrow(() -> UsageException.badInput("line " + line.id()
                + " has no deadline policy for kind " + Text.quote(kind) + "; expected one of: "
                + String.join(", ", line.deadlines().keySet())));
        DeadlinePolicy policy = config.policy(policyId).orElseThrow(() -> new IllegalStateException(
                "validated configuration names an unknown policy " + policyId));
        ZoneId zone = config.zone();
        Instant from = TimeArguments.instant("from", fromText, zone);

        DeadlineCalculator calculator = new DeadlineCalculator(new WorkingCalendar(config.calendar(), zone));
        List<StepDeadline> deadlines = calculator.deadlines(from, policy);
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < deadlines.size(); i++) {
            StepDeadline deadline = deadlines.get(i);
            DeadlineStep step = policy.steps().get(i);
            steps.add(new Step(deadline.step(), step.due().toString(), step.after().orElse(null),
                    local(deadline.start(), zone), local(deadline.due(), zone),
                    step.max().map(Object::toString).orElse(null),
                    deadline.max().map(m -> local(m, zone)).orElse(null),
                    DeadlineStep.doneAtName(step.doneAt())));
        }
        JsonOutput.print(context.out(), new Result(line.id(), kind, policy.id(), local(from, zone), steps));
        return OK;
    }

    private static OffsetDateTime local(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toOffsetDateTime();
    }
}
