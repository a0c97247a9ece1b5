package org.hotline.app.config;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.hotline.domain.config.CalendarConfig;
import org.hotline.domain.config.DeadlinePolicy;
import org.hotline.domain.config.DeadlineStep;
import org.hotline.domain.config.DueRule;
import org.hotline.domain.config.HotlineConfig;
import org.hotline.domain.config.ComplaintTier;
import org.hotline.domain.config.LineConfig;
import org.hotline.domain.config.LineHours;
import org.hotline.domain.config.Person;
import org.hotline.domain.config.RingSeconds;
import org.hotline.domain.config.RosterConfig;
import org.hotline.domain.config.UrgentPath;
import org.hotline.domain.ticket.TicketStatus;

/**
 * Reads the sections owned by the routing module ({@code timezone}, {@code calendar},
 * {@code people}, {@code rosters}, {@code deadline-policies}, {@code lines}) into
 * {@link HotlineConfig}. Checks what one field shows on its own (types, forms, ranges, ids
 * unique within their list); cross-references are left to the routing module's validator.
 */
final class DomainSectionReader {
    /** The request kinds a line maps to deadline policies. */
    static final Set<String> KINDS = Set.of("complaint", "inquiry", "suggestion", "report", "repair", "urgent", "unknown");

    private static final Pattern DONE_AT = Pattern.compile("dispatched|in-progress|resolved|callback|closed");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{3,20}");
    private static final String PHONE_FORM = "a phone number (digits with an optional leading +, 3 to 20 digits)";
    private static final Pattern ASTERISK_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern VOICEMAIL = Pattern.compile("[A-Za-z0-9_-]{1,64}(@[A-Za-z0-9_-]{1,64})?");
    private static final Pattern SOUND = Pattern.compile("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*");
    private static final Pattern PROMPT_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final CalendarSectionReader calendar;
    private final RosterSectionReader rosters = new RosterSectionReader();

    DomainSectionReader(CalendarSectionReader calendar) {
        this.calendar = calendar;
    }

    /** Reads the domain sections of {@code root}, the already-checked top-level mapping. */
    HotlineConfig read(YamlNode root) {
        YamlNode.Fields f = root.new Fields();
        ZoneId zone = f.required("timezone", YamlNode::zone);
        CalendarConfig calendarConfig = f.required("calendar", calendar::read);
        List<Person> people = f.required("people", n -> unique(n, "id", n.list(DomainSectionReader::person), Person::id));
        List<RosterConfig> rosterConfigs = f.required("rosters", rosters::read);
        List<DeadlinePolicy> policies = f.required("deadline-policies", DomainSectionReader::policies);
        List<LineConfig> lines = f.required("lines", n -> unique(n, "id", n.list(DomainSectionReader::line), LineConfig::id));
        if (f.failed()) {
            throw new YamlNode.Invalid();
        }
        return new HotlineConfig(zone, calendarConfig, people, rosterConfigs, policies, lines);
    }

    /** Reports the second and later items of {@code items} whose {@code id} repeats an earlier one. */
    private static <T> List<T> unique(YamlNode list, String key, List<T> items, Function<T, String> id) {
        Map<String, Integer> first = new HashMap<>();
        boolean failed = false;
        for (int i = 0; i < items.size(); i++) {
            String value = id.apply(items.get(i));
            Integer earlier = first.putIfAbsent(value, i);
            if (earlier != null) {
                YamlNode at = list.element(i).get(key);
                at.fail("duplicate id " + YamlNode.quote(value) + " (also " + YamlPath.index(list.path(), earlier)
                        + "); expected each " + key + " once");
                failed = true;
            }
        }
        if (failed) {
            throw new YamlNode.Invalid();
        }
        return items;
    }

    private static Person person(YamlNode node) {
        return node.fields(Set.of("id", "name", "phone"), f -> new Person(
                f.required("id", RosterSectionReader::personId),
                f.required("name", YamlNode::string),
                f.required("phone", n -> n.matching(PHONE, PHONE_FORM))));
    }

    private static List<DeadlinePolicy> policies(YamlNode node) {
        return new ArrayList<>(node.map((id, steps) -> {
            if (!RosterSectionReader.KEY_ID.matcher(id).matches()) {
                throw steps.fail("expected " + RosterSectionReader.KEY_ID_FORM + " as the policy name, got "
                        + YamlNode.quote(id));
            }
            List<DeadlineStep> list = steps.list(DomainSectionReader::step);
            if (list.isEmpty()) {
                throw steps.fail("expected at least one step");
            }
            return new DeadlinePolicy(id, list);
        }).values());
    }

    private static DeadlineStep step(YamlNode node) {
        return node.fields(Set.of("step", "due", "max", "after", "done-at"), f -> {
            String name = f.required("step", n -> n.matching(RosterSectionReader.ID, "a step name (letters, digits, _ . -)"));
            return new DeadlineStep(name, f.required("due", DomainSectionReader::due),
                    f.optional("max", DomainSectionReader::due),
                    f.optional("after", n -> n.matching(RosterSectionReader.ID, "the name of an earlier step")),
                    f.optional("done-at", DomainSectionReader::doneAt)
                            .orElseGet(() -> DeadlineStep.defaultDoneAt(name)));
        });
    }

    private static TicketStatus doneAt(YamlNode node) {
        String text = node.matching(DONE_AT, "where the step is met: dispatched, in-progress, resolved, callback or closed");
        return DeadlineStep.DONE_AT.stream().filter(s -> DeadlineStep.doneAtName(s).equals(text)).findFirst().orElseThrow();
    }

    private static DueRule due(YamlNode node) {
        String text = node.string();
        try {
            return DueRule.parse(text);
        } catch (IllegalArgumentException e) {
            throw node.fail(e.getMessage());
        }
    }

    private static LineConfig line(YamlNode node) {
        return node.fields(Set.of("id", "name", "numbers", "roster", "queue", "ring-seconds", "ask-location",
                "urgent", "voicemail", "deadlines", "prompts", "hours", "tier"), f -> {
                    String id = f.required("id", n -> n.matching(RosterSectionReader.ID, RosterSectionReader.ID_FORM));
                    return new LineConfig(
                            id,
                            f.optional("name", YamlNode::string, id == null ? "" : id),
                            f.required("numbers", DomainSectionReader::numbers),
                            f.required("roster", n -> n.matching(RosterSectionReader.KEY_ID, "a roster name")),
                            f.required("queue", n -> n.matching(ASTERISK_NAME,
                                    "an Asterisk queue name (letters, digits, _ -)")),
                            f.optional("ring-seconds", DomainSectionReader::ringSeconds,
                                    new RingSeconds(DEFAULT_RING, DEFAULT_RING)),
                            f.optional("ask-location", YamlNode::bool, false),
                            f.optional("urgent", n -> UrgentPath.parse(n.oneOf(Set.of("queue", "duty-manager"))),
                                    UrgentPath.QUEUE),
                            f.required("voicemail", n -> n.matching(VOICEMAIL,
                                    "a voicemail box such as complaints@hotline")),
                            f.optional("deadlines", DomainSectionReader::deadlines, Map.of()),
                            f.optional("prompts", DomainSectionReader::prompts, Map.of()),
                            f.optional("hours", DomainSectionReader::hours, LineHours.office()),
                            f.optional("tier", n -> ComplaintTier.parse(n.oneOf(TIERS)), null));
                });
    }

    /** {@code office} (the default), {@code always}, or the line's own {@code office-hours} and {@code lunch}. */
    private static LineHours hours(YamlNode node) {
        if (!node.isMapping()) {
            return node.oneOf(Set.of("office", "always")).equals("always") ? LineHours.always() : LineHours.office();
        }
        return node.fields(Set.of("office-hours", "lunch"), f -> new LineHours.Own(
                f.required("office-hours", CalendarSectionReader::officeHours),
                f.optional("lunch", CalendarSectionReader::range)));
    }

    static final int DEFAULT_RING = 20;

    private static final Set<String> TIERS = java.util.Arrays.stream(ComplaintTier.values())
            .map(ComplaintTier::configName).collect(java.util.stream.Collectors.toSet());

    private static List<String> numbers(YamlNode node) {
        List<String> numbers = node.list(n -> n.matching(PHONE, "a dialled number (digits with an optional leading +)"));
        if (numbers.isEmpty()) {
            throw node.fail("expected at least one dialled number");
        }
        return numbers;
    }

    private static RingSeconds ringSeconds(YamlNode node) {
        String what = "a whole number of seconds";
        return node.fields(Set.of("a", "b"), f -> new RingSeconds(
                f.optional("a", n -> n.integer(RingSeconds.MIN, RingSeconds.MAX, what), DEFAULT_RING),
                f.optional("b", n -> n.integer(RingSeconds.MIN, RingSeconds.MAX, what), DEFAULT_RING)));
    }

    private static Map<String, String> deadlines(YamlNode node) {
        node.requireOnly(KINDS);
        return node.map((kind, policy) -> {
            if (!KINDS.contains(kind)) {
                throw new YamlNode.Invalid();
            }
            return policy.matching(RosterSectionReader.KEY_ID, "a deadline policy name");
        });
    }

    private static Map<String, String> prompts(YamlNode node) {
        return node.map((name, sound) -> {
            if (!PROMPT_NAME.matcher(name).matches()) {
                throw sound.fail("expected a prompt name (lower-case letters, digits, -) as the key, got "
                        + YamlNode.quote(name));
            }
            return sound.matching(SOUND, "a sound file name without extension, such as hotline/welcome "
                    + "(letters, digits, _ - and / between parts)");
        });
    }
}
