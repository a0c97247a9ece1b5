package org.hotline.panel.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.hotline.domain.config.HotlineConfig;
import org.hotline.domain.roster.RosterSlot;
import org.hotline.domain.store.DutyOverride;
import org.hotline.domain.store.RosterChange;
import org.hotline.domain.testing.HotlineConfigBuilder;
import org.hotline.domain.ticket.AuditEntry;
import org.hotline.panel.fakes.FakeDirectory;
import org.junit.jupiter.api.Test;

/** Roster edits are checked for input mistakes, then by routing's configuration validator, on the example configuration. */
class ConfigRosterOverrideValidatorTest {
    private final HotlineConfig config = HotlineConfigBuilder.example().build();
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-01T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    private final FakeDirectory.Audit audit = new FakeDirectory.Audit();
    private final InMemoryDutyOverrides saved = new InMemoryDutyOverrides(audit);
    private final ConfigRosterOverrideValidator validator = new ConfigRosterOverrideValidator(config, saved, clock);

    void save(DutyOverride o) {
        saved.apply(RosterChange.save(o, AuditEntry.of(clock.instant(), "sam", "roster.override_saved", o.key(), Map.of())));
    }

    static String field(Runnable r) {
        try {
            r.run();
        } catch (org.hotline.panel.users.InvalidFieldException e) {
            assertThat(e.getMessage()).startsWith("Field '" + e.field() + "': ");
            return e.getMessage();
        }
        throw new AssertionError("no InvalidFieldException");
    }

    @Test
    void aSwapBetweenKnownPeopleIsValid() {
        DutyOverride o = new DutyOverride("main", LocalDate.parse("2026-12-26"), "sun", "li", "swap");
        validator.checkInput(o);
        assertThat(validator.problems(List.of(o))).isEmpty();
    }

    @Test
    void inputMistakesNameTheirField() {
        LocalDate monday = LocalDate.parse("2026-12-07");
        assertThat(field(() -> validator.checkInput(new DutyOverride("main", monday, "ghost", null, null))))
                .startsWith("Field 'dutyA': 'ghost' is not one of the configuration's people");
        assertThat(field(() -> validator.checkInput(new DutyOverride("night", monday, "sun", null, null))))
                .startsWith("Field 'roster': ").contains("expected one of main");
        assertThat(field(() -> validator.checkInput(new DutyOverride("main", LocalDate.parse("2026-11-30"), "sun", null, null))))
                .startsWith("Field 'date': ").contains("in the past");
        assertThat(field(() -> validator.checkInput(new DutyOverride("main", LocalDate.parse("2028-01-03"), "sun", null, null))))
                .startsWith("Field 'date': ").contains("days ahead");
        assertThat(field(() -> validator.checkInput(new DutyOverride("main", monday, "sun", "sun", null))))
                .startsWith("Field 'dutyB': ").contains("someone other than A");
        assertThat(field(() -> validator.checkInput(new DutyOverride("main", monday, null, null, null, "zhao", null))))
                .startsWith("Field 'lunchA': ");
        assertThat(field(() -> validator.checkInput(new DutyOverride("main", monday, null, null, "zhao", "ghost", null))))
                .startsWith("Field 'lunchB': 'ghost'");
        assertThat(field(() -> validator.checkInput(new DutyOverride("main", monday, null, null, null, null, "empty"))))
                .startsWith("Field 'dutyA': give the duty slot");
        // Saturday 2026-12-05 has no office hours, so no lunch window
        assertThat(field(() -> validator.checkInput(new DutyOverride("main", LocalDate.parse("2026-12-05"), null, null,
                "zhao", null, null)))).startsWith("Field 'date': 2026-12-05 has no lunch window");
    }

    @Test
    void problemsTheFileAlreadyHadAreNotBlamedOnTheOverride() {
        save(new DutyOverride("main", LocalDate.parse("2026-12-27"), "sun", null, null));
        assertThat(validator.problems(List.of(new DutyOverride("main", LocalDate.parse("2026-12-28"), "li", "chen", null))))
                .isEmpty();
    }

    @Test
    void theLunchTurnRoutingUsesIsTheSavedOneAndTheDutySlotIsKept() {
        LocalDate monday = LocalDate.parse("2026-12-07"); // week 0 of the rotation: lunch zhao, qian; duty wang, li
        assertThat(validator.pairOn("main", monday, RosterSlot.LUNCH).orElseThrow().ids()).containsExactly("zhao", "qian");
        save(new DutyOverride("main", monday, null, null, "sun", "zhao", "qian away"));
        assertThat(validator.pairOn("main", monday, RosterSlot.LUNCH).orElseThrow().ids()).containsExactly("sun", "zhao");
        assertThat(validator.pairOn("main", monday, RosterSlot.DUTY).orElseThrow().ids()).containsExactly("wang", "li");
        HotlineConfig overlaid = RosterOverlay.apply(config, saved.list());
        var day = new org.hotline.domain.roster.DutyRoster(overlaid.roster("main").orElseThrow(), overlaid.people(),
                new org.hotline.domain.calendar.WorkingCalendar(config.calendar(), config.zone())).dutyDay(monday);
        assertThat(day.lunchA().orElseThrow().id()).isEqualTo("sun");
        assertThat(day.dutyA().orElseThrow().id()).isEqualTo("wang");
    }

    @Test
    void theOverlayKeepsTheFilesLunchWhenOnlyTheDutySlotIsSavedAndTheListenerSeesEveryChange() {
        List<List<DutyOverride>> seen = new java.util.ArrayList<>();
        InMemoryDutyOverrides store = new InMemoryDutyOverrides(List.of(), seen::add, audit);
        LocalDate christmas = LocalDate.parse("2026-12-25");
        store.apply(RosterChange.save(new DutyOverride("main", christmas, "chen", "qian", "swap back"),
                AuditEntry.of(clock.instant(), "sam", "roster.override_saved", "main/2026-12-25", Map.of())));
        store.apply(RosterChange.remove("main", christmas,
                AuditEntry.of(clock.instant(), "sam", "roster.override_removed", "main/2026-12-25", Map.of())));
        assertThat(seen).hasSize(2);
        var fileDay = config.roster("main").orElseThrow().overrides().stream()
                .filter(o -> o.date().equals(christmas)).findFirst().orElseThrow();
        var day = RosterOverlay.apply(config, seen.get(0)).roster("main").orElseThrow().overrides().stream()
                .filter(o -> o.date().equals(christmas)).toList();
        assertThat(day).singleElement().satisfies(o -> {
            assertThat(o.duty().orElseThrow().ids()).containsExactly("chen", "qian");
            assertThat(o.lunch()).isEqualTo(fileDay.lunch());
        });
        assertThat(RosterOverlay.apply(config, seen.get(1)).roster("main").orElseThrow().overrides())
                .isEqualTo(config.roster("main").orElseThrow().overrides());
        assertThat(audit.recent(10, 0)).hasSize(2);
    }
}
