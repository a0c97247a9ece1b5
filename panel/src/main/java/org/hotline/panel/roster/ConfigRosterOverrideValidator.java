package org.hotline.panel.roster;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hotline.domain.calendar.WorkingCalendar;
import org.hotline.domain.config.DutyPair;
import org.hotline.domain.config.HotlineConfig;
import org.hotline.domain.config.Person;
import org.hotline.domain.config.RosterConfig;
import org.hotline.domain.roster.DutyDay;
import org.hotline.domain.roster.DutyRoster;
import org.hotline.domain.roster.RosterSlot;
import org.hotline.domain.store.DutyOverride;
import org.hotline.domain.store.DutyOverrideStore;
import org.hotline.domain.validation.ConfigProblem;
import org.hotline.domain.validation.ConfigValidator;

/**
 * Validates roster edits exactly as {@code check-config} would: the loaded configuration with
 * the saved overrides and the new ones laid over its roster goes through routing's
 * {@link ConfigValidator}, and every problem the edit introduces (a duty day in the next 14 days
 * left without duty manager A, ...) is reported with its YAML path. Problems the configuration
 * already had are not blamed on the edit. Before that, {@link #checkInput} refuses what is wrong
 * in itself: the date must be today or later in the hotline's zone and at most
 * {@link #HORIZON_DAYS} ahead, a lunch turn needs a day with a lunch window, every person must
 * be one of the configuration's people, and B must be someone other than A. Thread-safe.
 */
public final class ConfigRosterOverrideValidator implements RosterOverrideValidator {
    /** How far ahead an override may be saved. */
    public static final int HORIZON_DAYS = 366;

    private final HotlineConfig config;
    private final DutyOverrideStore saved;
    private final Clock clock;
    private final WorkingCalendar calendar;
    private final Set<String> people;
    private final ConfigValidator validator = new ConfigValidator();

    /**
     * @param config the configuration as loaded from the file
     * @param saved  the overrides saved through the panel (laid over the file's)
     */
    public ConfigRosterOverrideValidator(HotlineConfig config, DutyOverrideStore saved, Clock clock) {
        this.config = config;
        this.saved = saved;
        this.clock = clock;
        this.calendar = new WorkingCalendar(config.calendar(), config.zone());
        this.people = config.people().stream().map(Person::id).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public void checkInput(DutyOverride o) {
        checkDay("date", o.roster(), o.date(), o.lunchA() != null ? RosterSlot.LUNCH : RosterSlot.DUTY);
        checkPair("duty", o.dutyA(), o.dutyB());
        checkPair("lunch", o.lunchA(), o.lunchB());
        if (o.dutyA() == null && o.lunchA() == null) {
            throw RosterRefusal.of("dutyA", "give the duty slot (dutyA, and dutyB if any), the lunch slot "
                    + "(lunchA, and lunchB if any), or both");
        }
    }

    @Override
    public void checkDay(String field, String roster, LocalDate date, RosterSlot slot) {
        checkRoster(roster);
        checkDate(field, date);
        if (slot == RosterSlot.LUNCH) {
            checkLunchDay(field, date);
        }
    }

    /** The roster must be one of the configuration's. */
    private void checkRoster(String roster) {
        if (roster == null || config.roster(roster).isEmpty()) {
            throw RosterRefusal.of("roster", "'" + printable(roster) + "' is not a roster; expected one of "
                    + config.rosters().stream().map(RosterConfig::id).sorted().collect(Collectors.joining(", ")));
        }
    }

    /** The duty day must be today or later in the hotline's zone, within the horizon. */
    private void checkDate(String field, LocalDate date) {
        LocalDate today = LocalDate.now(clock.withZone(config.zone()));
        if (date == null) {
            throw RosterRefusal.of(field, "give the duty day (YYYY-MM-DD)");
        }
        if (date.isBefore(today)) {
            throw RosterRefusal.of(field, date + " is in the past; overrides are for today or later");
        }
        if (date.isAfter(today.plusDays(HORIZON_DAYS))) {
            throw RosterRefusal.of(field, date + " is more than " + HORIZON_DAYS
                    + " days ahead; overrides are for the coming year");
        }
    }

    /** A lunch turn needs a day with a lunch window. */
    private void checkLunchDay(String field, LocalDate date) {
        if (calendar.lunchOn(date).isEmpty()) {
            throw RosterRefusal.of(field, date + " has no lunch window (not a working day, or no lunch is "
                    + "configured): there is no lunch turn to change");
        }
    }

    private void checkPair(String slot, String a, String b) {
        if (a == null && b != null) {
            throw RosterRefusal.of(slot + "A", "name the primary (A) before the backup (B) of the " + slot + " slot");
        }
        if (a != null) {
            checkPerson(slot + "A", a);
        }
        if (b != null) {
            checkPerson(slot + "B", b);
            if (b.equals(a)) {
                throw RosterRefusal.of(slot + "B", "the backup must be someone other than A ('" + a + "')");
            }
        }
    }

    @Override
    public void checkPerson(String field, String personId) {
        if (personId == null || !people.contains(personId)) {
            throw RosterRefusal.of(field, "'" + printable(personId) + "' is not one of the configuration's "
                    + "people; expected one of " + people.stream().sorted().collect(Collectors.joining(", ")));
        }
    }

    @Override
    public List<String> problems(List<DutyOverride> changed) {
        LocalDate today = LocalDate.now(clock.withZone(config.zone()));
        List<DutyOverride> others = new ArrayList<>(saved.list());
        others.removeIf(s -> changed.stream().anyMatch(c -> c.roster().equals(s.roster()) && c.date().equals(s.date())));
        List<DutyOverride> all = new ArrayList<>(others);
        all.addAll(changed);
        Set<String> existing = new HashSet<>();
        validator.validate(RosterOverlay.apply(config, others), today).forEach(p -> existing.add(p.message()));
        Set<String> rosters = changed.stream().map(DutyOverride::roster).collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        for (ConfigProblem p : validator.validate(RosterOverlay.apply(config, all), today)) {
            if (rosters.stream().anyMatch(r -> p.path().startsWith("rosters." + r)) && !existing.contains(p.message())) {
                problems.add(p.path() + ": " + p.message());
            }
        }
        return problems;
    }

    @Override
    public Optional<DutyPair> pairOn(String roster, LocalDate date, RosterSlot slot) {
        var slots = rosterNow(roster).slotsOn(date);
        return slot == RosterSlot.DUTY ? slots.duty() : slots.lunch();
    }

    @Override
    public List<DutyDay> days(String roster, LocalDate from, int days) {
        return rosterNow(roster).days(from, days);
    }

    private DutyRoster rosterNow(String roster) {
        checkRoster(roster);
        HotlineConfig now = RosterOverlay.apply(config, saved.list());
        return new DutyRoster(now.roster(roster).orElseThrow(), now.people(), calendar);
    }

    /** Untrusted text for a message: control characters as '?', at most 40 characters. */
    private static String printable(String s) {
        if (s == null) {
            return "";
        }
        String clean = s.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return clean.length() > 40 ? clean.substring(0, 40) + "…" : clean;
    }
}
