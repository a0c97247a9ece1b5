package org.hotline.panel.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.hotline.domain.roster.RosterSlot;
import org.hotline.domain.store.DutyOverride;
import org.hotline.domain.store.RosterChange;
import org.hotline.domain.testing.HotlineConfigBuilder;
import org.hotline.domain.ticket.AuditEntry;
import org.hotline.panel.fakes.FakeDirectory;
import org.junit.jupiter.api.Test;

/**
 * Swaps on the example rotation, week 0 (2026-12-07 ..): Monday lunch zhao/qian, Wednesday lunch
 * zhao/sun; Monday duty wang/li, Wednesday duty chen/wang, Friday duty li/wang.
 */
class RosterSwapTest {
    static final LocalDate MON = LocalDate.parse("2026-12-07");
    static final LocalDate WED = LocalDate.parse("2026-12-09");
    final Clock clock = Clock.fixed(Instant.parse("2026-12-01T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    final InMemoryDutyOverrides saved = new InMemoryDutyOverrides(new FakeDirectory.Audit());
    final ConfigRosterOverrideValidator rules = new ConfigRosterOverrideValidator(HotlineConfigBuilder.example().build(),
            saved, clock);

    List<DutyOverride> swap(RosterSlot slot, LocalDate date, String person, LocalDate withDate, String withPerson) {
        return new RosterSwap("main", slot, date, person, withDate, withPerson, "swap").overrides(rules,
                (r, d) -> saved.list().stream().filter(o -> o.roster().equals(r) && o.date().equals(d)).findFirst());
    }

    String refused(RosterSlot slot, LocalDate date, String person, LocalDate withDate, String withPerson) {
        return ConfigRosterOverrideValidatorTest.field(() -> swap(slot, date, person, withDate, withPerson));
    }

    @Test
    void twoPeopleOnTwoDaysTakeEachOthersPlaceAsAOrB() {
        assertThat(swap(RosterSlot.LUNCH, MON, "qian", WED, "sun")).containsExactly(
                new DutyOverride("main", MON, null, null, "zhao", "sun", "swap"),
                new DutyOverride("main", WED, null, null, "zhao", "qian", "swap"));
    }

    @Test
    void onOneDayAAndBChangePlacesAndTheOtherSlotOfASavedOverrideIsKept() {
        saved.apply(RosterChange.save(new DutyOverride("main", MON, "chen", null, "note"),
                AuditEntry.of(clock.instant(), "sam", "roster.override_saved", "main/" + MON, Map.of())));
        assertThat(swap(RosterSlot.LUNCH, MON, "zhao", MON, "qian")).containsExactly(
                new DutyOverride("main", MON, "chen", null, "qian", "zhao", "swap"));
        LocalDate fri = LocalDate.parse("2026-12-11");
        assertThat(swap(RosterSlot.DUTY, MON, "chen", fri, "li")).containsExactly(
                new DutyOverride("main", MON, "li", null, null, null, "swap"),
                new DutyOverride("main", fri, "chen", "wang", null, null, "swap"));
        assertThat(refused(RosterSlot.DUTY, MON, "chen", WED, "wang"))
                .startsWith("Field 'person': 'chen' is already on the duty slot of 2026-12-09");
    }

    @Test
    void badSwapsNameTheField() {
        assertThat(refused(RosterSlot.LUNCH, MON, "qian", MON, "qian")).startsWith("Field 'withPerson': a swap needs two different people");
        assertThat(refused(RosterSlot.LUNCH, MON, "ghost", WED, "sun")).startsWith("Field 'person': 'ghost' is not one of");
        assertThat(refused(RosterSlot.LUNCH, MON, "qian", WED, "nobody")).startsWith("Field 'withPerson': 'nobody' is not one of");
        assertThat(refused(RosterSlot.LUNCH, MON, "sun", WED, "qian")).startsWith("Field 'person': 'sun' is not on the lunch slot of 2026-12-07 (A zhao, B qian)");
        assertThat(refused(RosterSlot.LUNCH, MON, "qian", WED, "chen")).startsWith("Field 'withPerson': 'chen' is not on the lunch slot of 2026-12-09");
        assertThat(refused(RosterSlot.LUNCH, MON, "qian", WED, "zhao")).startsWith("Field 'withPerson': 'zhao' is already on the lunch slot of 2026-12-07");
        assertThat(refused(RosterSlot.LUNCH, LocalDate.parse("2026-12-05"), "qian", WED, "sun")).startsWith("Field 'date': 2026-12-05 has no lunch window");
        assertThat(refused(RosterSlot.LUNCH, MON, "qian", LocalDate.parse("2026-11-30"), "sun")).startsWith("Field 'withDate': 2026-11-30 is in the past");
    }
}
