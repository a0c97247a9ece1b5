package org.hotline.domain.config;

import org.hotline.domain.validation.ConfigValidator;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The domain part of the configuration file: {@code timezone}, {@code calendar},
 * {@code people}, {@code rosters}, {@code deadline-policies} and {@code lines}, each list in
 * file order. Roster and policy ids are unique (they are YAML map keys, so a duplicate is a
 * programming error here); duplicate person or line ids (YAML lists) and cross-references are
 * reported by {@link ConfigValidator}. The lookups return the first match.
 */
public record HotlineConfig(
        ZoneId zone,
        CalendarConfig calendar,
        List<Person> people,
        List<RosterConfig> rosters,
        List<DeadlinePolicy> deadlinePolicies,
        List<LineConfig> lines) {

    public HotlineConfig {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(calendar, "calendar");
        people = List.copyOf(people);
        rosters = List.copyOf(rosters);
        deadlinePolicies = List.copyOf(deadlinePolicies);
        lines = List.copyOf(lines);
        requireUniqueIds("rosters", rosters, RosterConfig::id);
        requireUniqueIds("deadline-policies", deadlinePolicies, DeadlinePolicy::id);
    }

    private static <T> void requireUniqueIds(String section, List<T> items, Function<T, String> id) {
        Set<String> seen = new HashSet<>();
        for (T item : items) {
            if (!seen.add(id.apply(item))) {
                throw new IllegalArgumentException(section + ": duplicate id \"" + id.apply(item) + "\"");
            }
        }
    }

    public Optional<Person> person(String id) {
        return people.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public Optional<RosterConfig> roster(String id) {
        return rosters.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    public Optional<DeadlinePolicy> policy(String id) {
        return deadlinePolicies.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public Optional<LineConfig> line(String id) {
        return lines.stream().filter(l -> l.id().equals(id)).findFirst();
    }
}
