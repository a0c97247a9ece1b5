package org.hotline.app.config;

import java.time.DayOfWeek;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.hotline.domain.config.DaySlots;
import org.hotline.domain.config.DutyPair;
import org.hotline.domain.config.RosterConfig;
import org.hotline.domain.config.RosterOverride;
import org.hotline.domain.config.Rotation;
import org.hotline.domain.config.RotationWeek;

/**
 * Reads the {@code rosters} section (roster id to roster) into {@link RosterConfig}s. Whether the
 * person ids exist, the anchor is a Monday and every after-hours period has a duty manager A is
 * checked later by the routing module's validator. Stateless.
 */
final class RosterSectionReader {
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    static final String ID_FORM = "an id (letters, digits, _ . -; at most 64)";
    /** Ids that are also mapping keys (roster and policy names): no dots, so paths stay plain. */
    static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    static final String KEY_ID_FORM = "a name (letters, digits, _ -; at most 64)";

    List<RosterConfig> read(YamlNode node) {
        return List.copyOf(node.map(RosterSectionReader::roster).values());
    }

    private static RosterConfig roster(String id, YamlNode node) {
        if (!KEY_ID.matcher(id).matches()) {
            throw node.fail("expected " + KEY_ID_FORM + " as the roster name, got " + YamlNode.quote(id));
        }
        return node.fields(Set.of("duty-day-starts", "rotation", "overrides"), f -> new RosterConfig(
                id,
                f.required("duty-day-starts", YamlNode::time),
                f.required("rotation", RosterSectionReader::rotation),
                f.optional("overrides", n -> n.list(RosterSectionReader::override), List.of())));
    }

    private static Rotation rotation(YamlNode node) {
        return node.fields(Set.of("anchor", "weeks"), f -> new Rotation(
                f.required("anchor", YamlNode::date),
                f.required("weeks", RosterSectionReader::weeks)));
    }

    private static List<RotationWeek> weeks(YamlNode node) {
        List<RotationWeek> weeks = node.list(RosterSectionReader::week);
        if (weeks.isEmpty()) {
            throw node.fail("expected at least one week");
        }
        return weeks;
    }

    private static RotationWeek week(YamlNode node) {
        node.requireOnly(CalendarSectionReader.WEEKDAYS.keySet());
        Map<DayOfWeek, DaySlots> days = new EnumMap<>(DayOfWeek.class);
        boolean failed = false;
        for (String day : node.keys()) {
            DayOfWeek weekday = CalendarSectionReader.WEEKDAYS.get(day);
            if (weekday == null) {
                failed = true;
                continue;
            }
            YamlNode slots = node.get(day);
            if (slots.isAbsent()) {
                continue;
            }
            try {
                days.put(weekday, slots.fields(Set.of("duty", "lunch"), f -> new DaySlots(
                        f.optional("duty", RosterSectionReader::pair).flatMap(p -> p),
                        f.optional("lunch", RosterSectionReader::pair).flatMap(p -> p))));
            } catch (YamlNode.Invalid e) {
                failed = true;
            }
        }
        if (failed) {
            throw new YamlNode.Invalid();
        }
        return new RotationWeek(days);
    }

    private static RosterOverride override(YamlNode node) {
        return node.fields(Set.of("date", "duty", "lunch", "note"), f -> new RosterOverride(
                f.required("date", YamlNode::date),
                f.optional("duty", RosterSectionReader::pair).flatMap(p -> p),
                f.optional("lunch", RosterSectionReader::pair).flatMap(p -> p),
                f.optional("note", YamlNode::string, "")));
    }

    /** {@code [A]} or {@code [A, B]}; {@code []} is nobody. */
    private static Optional<DutyPair> pair(YamlNode node) {
        List<String> ids = node.list(RosterSectionReader::personId);
        try {
            return DutyPair.fromList(new java.util.ArrayList<>(ids));
        } catch (IllegalArgumentException e) {
            throw node.fail("expected [A] or [A, B] (at most two person ids), got " + ids.size() + " ids");
        }
    }

    static String personId(YamlNode node) {
        return node.matching(ID, "a person id (letters, digits, _ . -)");
    }
}
