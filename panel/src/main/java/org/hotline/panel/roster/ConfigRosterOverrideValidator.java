package org.hotline.panel.roster;

import org.hotline.domain.store.DutyOverrideStore;
import org.hotline.domain.store.DutyOverride;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hotline.domain.validation.ConfigProblem;
import org.hotline.domain.validation.ConfigValidator;
import org.hotline.domain.config.HotlineConfig;
import org.hotline.domain.config.RosterConfig;

/**
 * Validates an override exactly as {@code check-config} would: the loaded configuration with the
 * saved overrides and the new one laid over its roster goes through routing's
 * {@link ConfigValidator}, and every problem that the override introduces (unknown person, a duty
 * day in the next 14 days left without duty manager A, ...) is reported with its YAML path.
 * Problems the configuration already had are not blamed on the override. The date must be today
 * or later in the hotline's zone. Thread-safe.
 */
public final class ConfigRosterOverrideValidator implements RosterOverrideValidator {
    private final HotlineConfig config;
    private final DutyOverrideStore saved;
    private final Clock clock;
    private final ConfigValidator validator = new ConfigValidator();

    /**
     * @param config the configuration as loaded from the file
     * @param saved  the overrides saved through the panel (laid over the file's)
     */
    public ConfigRosterOverrideValidator(HotlineConfig config, DutyOverrideStore saved, Clock clock) {
        this.config = config;
        this.saved = saved;
        this.clock = clock;
    }

    @Override
    public List<String> problems(DutyOverride o) {
        List<String> problems = new ArrayList<>();
        Optional<RosterConfig> roster = o.roster() == null ? Optional.empty() : config.roster(o.roster());
        if (roster.isEmpty()) {
            problems.add("roster: '" + o.roster() + "' is not a roster; expected one of "
                    + config.rosters().stream().map(RosterConfig::id).sorted().collect(Collectors.joining(", ")));
        }
        LocalDate today = LocalDate.now(clock.withZone(config.zone()));
        if (o.date() == null) {
            problems.add("date: give the duty day (YYYY-MM-DD)");
        } else if (o.date().isBefore(today)) {
            problems.add("date: " + o.date() + " is in the past; overrides are for today or later");
        }
        if (o.dutyA() == null || o.dutyA().isBlank()) {
            problems.add("dutyA: name the primary (A) duty person");
        }
        if (o.dutyB() != null && o.dutyB().equals(o.dutyA())) {
            problems.add("dutyB: the backup must be someone other than A");
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        HotlineConfig before = withOverrides(saved.list().stream()
                .filter(s -> !(s.roster().equals(o.roster()) && s.date().equals(o.date()))).toList());
        List<DutyOverride> all = new ArrayList<>(saved.list());
        all.removeIf(s -> s.roster().equals(o.roster()) && s.date().equals(o.date()));
        all.add(o);
        HotlineConfig after = withOverrides(all);
        Set<String> existing = new HashSet<>();
        validator.validate(before, today).forEach(p -> existing.add(p.message()));
        for (ConfigProblem p : validator.validate(after, today)) {
            if (p.path().startsWith("rosters." + o.roster()) && !existing.contains(p.message())) {
                problems.add(p.path() + ": " + p.message());
            }
        }
        return problems;
    }

    private HotlineConfig withOverrides(List<DutyOverride> overrides) {
        return RosterOverlay.apply(config, overrides);
    }
}
