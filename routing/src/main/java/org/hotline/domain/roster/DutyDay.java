package org.hotline.domain.roster;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hotline.domain.calendar.Interval;
import org.hotline.domain.config.Person;
import org.hotline.domain.config.RosterOverride;

/**
 * Who is on duty for one duty day of a roster. {@code span} runs from the duty-day start on
 * {@code date} to the duty-day start on the next date. {@code rotationWeek} is the index of the
 * rotation week the day falls in; {@code override} is the dated override applied, if any.
 */
public record DutyDay(
        LocalDate date,
        Interval span,
        Optional<Person> dutyA,
        Optional<Person> dutyB,
        Optional<Person> lunchA,
        Optional<Person> lunchB,
        int rotationWeek,
        Optional<RosterOverride> override) {

    public DutyDay {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(dutyA, "dutyA");
        Objects.requireNonNull(dutyB, "dutyB");
        Objects.requireNonNull(lunchA, "lunchA");
        Objects.requireNonNull(lunchB, "lunchB");
        Objects.requireNonNull(override, "override");
    }

    /** The ids of duty A and B that are rostered, A first: whom to notify of a missed call. */
    public List<String> dutyPersonIds() {
        List<String> ids = new ArrayList<>(2);
        dutyA.ifPresent(p -> ids.add(p.id()));
        dutyB.ifPresent(p -> ids.add(p.id()));
        return List.copyOf(ids);
    }
}
