package org.hotline.panel.roster;

import org.hotline.domain.store.DutyOverride;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.hotline.domain.config.HotlineConfig;
import org.hotline.domain.testing.HotlineConfigBuilder;
import org.junit.jupiter.api.Test;

/** Overrides are checked by routing's configuration validator, on the example configuration. */
class ConfigRosterOverrideValidatorTest {
    private final HotlineConfig config = HotlineConfigBuilder.example().build();
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-01T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    private final InMemoryDutyOverrides saved = new InMemoryDutyOverrides(List.of());
    private final ConfigRosterOverrideValidator validator = new ConfigRosterOverrideValidator(config, saved, clock);

    @Test
    void aSwapBetweenKnownPeopleIsValid() {
        assertThat(validator.problems(new DutyOverride("main", LocalDate.parse("2026-12-26"), "sun", "li", "swap"))).isEmpty();
    }

    @Test
    void anUnknownPersonIsReportedWithItsConfigurationPath() {
        List<String> problems = validator.problems(new DutyOverride("main", LocalDate.parse("2026-12-26"), "ghost", null, null));
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0)).startsWith("rosters.main.overrides[").contains("ghost");
    }

    @Test
    void unknownRosterPastDateAndSamePersonTwiceAreRefusedBeforeTheValidatorRuns() {
        assertThat(validator.problems(new DutyOverride("night", LocalDate.parse("2026-12-26"), "sun", null, null)))
                .singleElement().asString().contains("expected one of main");
        assertThat(validator.problems(new DutyOverride("main", LocalDate.parse("2026-11-30"), "sun", null, null)))
                .singleElement().asString().contains("in the past");
        assertThat(validator.problems(new DutyOverride("main", LocalDate.parse("2026-12-26"), "sun", "sun", null)))
                .singleElement().asString().contains("someone other than A");
    }

    @Test
    void problemsTheFileAlreadyHadAreNotBlamedOnTheOverride() {
        saved.save(new DutyOverride("main", LocalDate.parse("2026-12-27"), "sun", null, null));
        assertThat(validator.problems(new DutyOverride("main", LocalDate.parse("2026-12-28"), "li", "chen", null))).isEmpty();
    }

    @Test
    void theOverlayReplacesTheFilesOverrideForThatDayAndTheListenerSeesEveryChange() {
        List<List<DutyOverride>> seen = new java.util.ArrayList<>();
        InMemoryDutyOverrides store = new InMemoryDutyOverrides(List.of(), seen::add);
        store.save(new DutyOverride("main", LocalDate.parse("2026-12-25"), "chen", "qian", "swap back"));
        store.remove("main", LocalDate.parse("2026-12-25"));
        assertThat(seen).hasSize(2);
        HotlineConfig overlaid = RosterOverlay.apply(config, seen.get(0));
        var day = overlaid.roster("main").orElseThrow().overrides().stream()
                .filter(o -> o.date().equals(LocalDate.parse("2026-12-25"))).toList();
        assertThat(day).singleElement().satisfies(o -> assertThat(o.duty().orElseThrow().ids()).containsExactly("chen", "qian"));
        assertThat(RosterOverlay.apply(config, seen.get(1)).roster("main").orElseThrow().overrides())
                .isEqualTo(config.roster("main").orElseThrow().overrides());
    }
}
