package org.hotline.app.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hotline.app.config.ConfigException;
import org.hotline.domain.calendar.WorkingCalendar;
import org.hotline.domain.config.HotlineConfig;
import org.hotline.domain.config.Person;
import org.hotline.domain.config.RosterConfig;
import org.hotline.domain.config.RosterOverride;
import org.hotline.domain.roster.DutyDay;
import org.hotline.domain.roster.DutyRoster;
import org.hotline.domain.roster.RosterGap;

/**
 * {@code roster [--config FILE] --from DATE --days N}: who is on duty (duty A/B, lunch A/B) on
 * each duty day of every roster, and the slots nobody fills.
 */
final class RosterCommand implements Command {
    static final int MAX_DAYS = 366;

    record Result(LocalDate from, int days, String zone, List<Day> dutyDays, List<Gap> gaps) {}

    record Day(LocalDate date, String roster, OffsetDateTime start, OffsetDateTime end, int rotationWeek,
            Slot duty, Slot lunch, String override) {}

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Slot(PersonResult a, PersonResult b) {}

    record PersonResult(String id, String name, String number) {}

    record Gap(LocalDate date, String roster, String role, int rotationWeek) {}

    @Override
    public String name() {
        return "roster";
    }

    @Override
    public String summary() {
        return "print who is on duty, day by day, and any gaps";
    }

    @Override
    public String usage() {
        return "usage: java -jar hotline.jar roster [--config FILE] --from DATE --days N\n\n"
                + ConfigFile.HELP + "\n"
                + "  --from DATE     the first duty day, YYYY-MM-DD\n"
                + "  --days N        how many duty days, 1 to " + MAX_DAYS + "\n";
    }

    @Override
    public int run(List<String> args, CommandContext context) throws UsageException, ConfigException {
        Arguments arguments = Arguments.parse(name(), args, Set.of("config", "from", "days"), Set.of(), 0);
        LocalDate from = TimeArguments.date("from", arguments.required("from"));
        int days = TimeArguments.count("days", arguments.required("days"), 1, MAX_DAYS);
        HotlineConfig config = ConfigFile.load(arguments.option("config"), context.clock()).hotline();
        ZoneId zone = config.zone();
        WorkingCalendar calendar = new WorkingCalendar(config.calendar(), zone);

        List<Day> dutyDays = new ArrayList<>();
        List<Gap> gaps = new ArrayList<>();
        for (RosterConfig rosterConfig : config.rosters()) {
            DutyRoster roster = new DutyRoster(rosterConfig, config.people(), calendar);
            for (DutyDay day : roster.days(from, days)) {
                dutyDays.add(new Day(day.date(), roster.id(), day.span().start().atZone(zone).toOffsetDateTime(),
                        day.span().end().atZone(zone).toOffsetDateTime(), day.rotationWeek(),
                        new Slot(person(day.dutyA()), person(day.dutyB())),
                        new Slot(person(day.lunchA()), person(day.lunchB())),
                        day.override().map(RosterOverride::note).orElse(null)));
            }
            for (RosterGap gap : roster.gaps(from, days)) {
                gaps.add(new Gap(gap.date(), roster.id(), gap.role().name(), gap.rotationWeek()));
            }
        }
        dutyDays.sort(Comparator.comparing(Day::date));
        gaps.sort(Comparator.comparing(Gap::date));
        JsonOutput.print(context.out(), new Result(from, days, zone.getId(), dutyDays, gaps));
        return OK;
    }

    private static PersonResult person(Optional<Person> person) {
        return person.map(p -> new PersonResult(p.id(), p.name(), p.phone())).orElse(null);
    }
}
