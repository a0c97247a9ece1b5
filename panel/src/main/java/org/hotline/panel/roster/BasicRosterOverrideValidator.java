package org.hotline.panel.roster;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The checks the panel can make on its own: the roster exists, the date is given and not in
 * the past (in the hotline's zone), A is given, A and B are known people and differ, the note
 * is short. Thread-safe.
 */
public final class BasicRosterOverrideValidator implements RosterOverrideValidator {
    private final Set<String> rosters;
    private final Set<String> people;
    private final Clock clock;
    private final ZoneId zone;

    public BasicRosterOverrideValidator(Set<String> rosters, Set<String> people, Clock clock, ZoneId zone) {
        this.rosters = Set.copyOf(rosters);
        this.people = Set.copyOf(people);
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public List<String> problems(RosterOverride o) {
        List<String> problems = new ArrayList<>();
        if (o.roster() == null || !rosters.contains(o.roster())) {
            problems.add("roster: '" + o.roster() + "' is not a roster; expected one of " + sorted(rosters));
        }
        if (o.date() == null) {
            problems.add("date: give the duty day (YYYY-MM-DD)");
        } else if (o.date().isBefore(LocalDate.now(clock.withZone(zone)))) {
            problems.add("date: " + o.date() + " is in the past; overrides are for today or later");
        }
        if (o.dutyA() == null || o.dutyA().isBlank()) {
            problems.add("dutyA: name the primary (A) duty person");
        } else if (!people.contains(o.dutyA())) {
            problems.add("dutyA: '" + o.dutyA() + "' is not a known person; expected one of " + sorted(people));
        }
        if (o.dutyB() != null && !o.dutyB().isBlank()) {
            if (!people.contains(o.dutyB())) {
                problems.add("dutyB: '" + o.dutyB() + "' is not a known person; expected one of " + sorted(people));
            } else if (o.dutyB().equals(o.dutyA())) {
                problems.add("dutyB: the backup must be someone other than A");
            }
        }
        if (o.note() != null && o.note().length() > 200) {
            problems.add("note: at most 200 characters");
        }
        return problems;
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }
}
