package org.hotline.domain.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One inbound line, told apart by its dialled {@code numbers}. {@code deadlines} maps the
 * lower-case request kind ({@code complaint}, {@code inquiry}, ...) to a deadline policy id;
 * {@code prompts} maps a prompt name to a sound file name; {@code hours} says when its agents
 * answer (see {@link LineHours}).
 */
public record LineConfig(
        String id,
        String name,
        List<String> numbers,
        String roster,
        String queue,
        RingSeconds ringSeconds,
        boolean askLocation,
        UrgentPath urgent,
        String voicemail,
        Map<String, String> deadlines,
        Map<String, String> prompts,
        LineHours hours,
        ComplaintTier tier) {

    public LineConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        numbers = List.copyOf(numbers);
        Objects.requireNonNull(roster, "roster");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(ringSeconds, "ringSeconds");
        Objects.requireNonNull(urgent, "urgent");
        Objects.requireNonNull(voicemail, "voicemail");
        deadlines = Collections.unmodifiableMap(new LinkedHashMap<>(deadlines));
        prompts = Collections.unmodifiableMap(new LinkedHashMap<>(prompts));
        Objects.requireNonNull(hours, "hours");
    }

    /** A line that is no tier of complaint line. */
    public LineConfig(String id, String name, List<String> numbers, String roster, String queue,
            RingSeconds ringSeconds, boolean askLocation, UrgentPath urgent, String voicemail,
            Map<String, String> deadlines, Map<String, String> prompts, LineHours hours) {
        this(id, name, numbers, roster, queue, ringSeconds, askLocation, urgent, voicemail, deadlines, prompts, hours,
                null);
    }

    /** A line on the office's hours. */
    public LineConfig(String id, String name, List<String> numbers, String roster, String queue,
            RingSeconds ringSeconds, boolean askLocation, UrgentPath urgent, String voicemail,
            Map<String, String> deadlines, Map<String, String> prompts) {
        this(id, name, numbers, roster, queue, ringSeconds, askLocation, urgent, voicemail, deadlines, prompts,
                LineHours.office());
    }

    /** This line with {@code hours}. */
    public LineConfig withHours(LineHours hours) {
        return new LineConfig(id, name, numbers, roster, queue, ringSeconds, askLocation, urgent, voicemail, deadlines,
                prompts, hours, tier);
    }

    /** This line as a complaint line of {@code tier} ({@code null}: no tier). */
    public LineConfig withTier(ComplaintTier tier) {
        return new LineConfig(id, name, numbers, roster, queue, ringSeconds, askLocation, urgent, voicemail, deadlines,
                prompts, hours, tier);
    }

    /**
     * The deadline policy id for a request kind given in lower case (e.g. {@code complaint}).
     * {@code unknown} (a ticket whose call left the IVR before a kind was chosen) uses the
     * line's {@code unknown} entry, and without one its {@code complaint} policy: the strictest
     * ordinary treatment until an agent sets the real kind.
     */
    public Optional<String> policyFor(String kind) {
        String policy = deadlines.get(kind);
        if (policy == null && UNKNOWN_KIND.equals(kind)) {
            policy = deadlines.get(UNKNOWN_DEFAULT_KIND);
        }
        return Optional.ofNullable(policy);
    }

    /** The configuration name of {@code RequestKind.UNKNOWN}. */
    public static final String UNKNOWN_KIND = "unknown";
    /** The kind whose policy an {@code unknown} ticket follows when the line names none for it. */
    public static final String UNKNOWN_DEFAULT_KIND = "complaint";

    /** The sound file for a prompt name, if the line configures one. */
    public Optional<String> prompt(String name) {
        return Optional.ofNullable(prompts.get(name));
    }
}
