package org.hotline.panel.roster;

import org.hotline.panel.users.InvalidFieldException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import org.hotline.domain.config.DutyPair;
import org.hotline.domain.roster.RosterSlot;
import org.hotline.domain.store.DutyOverride;

/**
 * A swap of two people on one slot of a roster: {@code person}, on {@code slot} of duty day
 * {@code date}, and {@code withPerson}, on the same slot of {@code withDate}, take each other's
 * place (as A or as B, whichever each was). On one day, A and B change places. The swap is one
 * act: {@link #overrides} gives the one or two day overrides that make it, to be saved together
 * with one audit entry. Immutable.
 */
public record RosterSwap(String roster, RosterSlot slot, LocalDate date, String person, LocalDate withDate,
        String withPerson, String note) {

    public RosterSwap {
        Objects.requireNonNull(slot, "slot");
        note = note == null ? "" : note;
    }

    /**
     * The overrides that make this swap, each built on the day's saved override ({@code savedOn},
     * whose other slot is kept) or a new one.
     *
     * @throws InvalidFieldException naming the field: an unknown roster or person, a day out of range,
     *     a person with themself, a person not on that slot that day, or one already on the other's
     */
    public List<DutyOverride> overrides(RosterOverrideValidator rules,
            BiFunction<String, LocalDate, Optional<DutyOverride>> savedOn) {
        rules.checkDay("date", roster, date, slot);
        rules.checkDay("withDate", roster, withDate, slot);
        rules.checkPerson("person", person);
        rules.checkPerson("withPerson", withPerson);
        if (person.equals(withPerson)) {
            throw RosterRefusal.of("withPerson", "a swap needs two different people; '" + person
                    + "' cannot swap with themself");
        }
        DutyPair first = on(rules, "person", date, person);
        DutyPair second = on(rules, "withPerson", withDate, withPerson);
        Map<String, String> exchange = Map.of(person, withPerson, withPerson, person);
        List<DutyOverride> out = new ArrayList<>();
        if (date.equals(withDate)) {
            if (!first.ids().contains(withPerson)) {
                throw notOn("withPerson", withPerson, withDate, first);
            }
            out.add(day(savedOn, date, replace(first, exchange)));
            return out;
        }
        if (first.ids().contains(withPerson)) {
            throw RosterRefusal.of("withPerson", "'" + withPerson + "' is already on the " + slot.wireName()
                    + " slot of " + date + " with '" + person + "'; swap them on that day (withDate " + date + ")");
        }
        if (second.ids().contains(person)) {
            throw RosterRefusal.of("person", "'" + person + "' is already on the " + slot.wireName()
                    + " slot of " + withDate + " with '" + withPerson + "'; swap them on that day (date " + withDate + ")");
        }
        out.add(day(savedOn, date, replace(first, exchange)));
        out.add(day(savedOn, withDate, replace(second, exchange)));
        return out;
    }

    private DutyPair on(RosterOverrideValidator rules, String field, LocalDate day, String who) {
        Optional<DutyPair> pair = rules.pairOn(roster, day, slot);
        if (pair.isEmpty() || !pair.get().ids().contains(who)) {
            throw notOn(field, who, day, pair.orElse(null));
        }
        return pair.get();
    }

    private InvalidFieldException notOn(String field, String who, LocalDate day, DutyPair pair) {
        return RosterRefusal.of(field, "'" + who + "' is not on the " + slot.wireName() + " slot of " + day
                + (pair == null ? " (nobody is)" : " (A " + pair.a() + pair.b().map(b -> ", B " + b).orElse("") + ")"));
    }

    private DutyOverride day(BiFunction<String, LocalDate, Optional<DutyOverride>> savedOn, LocalDate day, DutyPair pair) {
        DutyOverride base = savedOn.apply(roster, day)
                .orElseGet(() -> new DutyOverride(roster, day, null, null, null, null, ""));
        return base.with(slot, pair, note.isBlank() ? base.note() : note);
    }

    private static DutyPair replace(DutyPair pair, Map<String, String> exchange) {
        return new DutyPair(exchange.getOrDefault(pair.a(), pair.a()), pair.b().map(b -> exchange.getOrDefault(b, b)));
    }
}
