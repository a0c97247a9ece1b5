package org.hotline.storage.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.hotline.domain.store.DutyOverride;
import org.hotline.domain.store.DutyOverrideStore;
import org.hotline.domain.store.RosterChange;
import org.hotline.domain.testing.MutableClock;
import org.hotline.domain.ticket.AuditEntry;
import org.hotline.storage.testing.FreshStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PgDutyOverrideRepositoryIT {
    final MutableClock clock = new MutableClock(Instant.parse("2026-12-20T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

    @RegisterExtension
    final FreshStorage fresh = new FreshStorage(clock);

    AuditEntry audit(String action, String subject) {
        return AuditEntry.of(clock.instant(), "sam", action, subject, Map.of("why", "test"));
    }

    void save(DutyOverride o) {
        fresh.storage().dutyOverrides().apply(RosterChange.save(o, audit("roster.override_saved", o.key())));
    }

    @Test
    void overridesAreUpsertedPerRosterAndDayListedInOrderAndRemoved() {
        DutyOverrideStore repo = fresh.storage().dutyOverrides();
        LocalDate christmas = LocalDate.of(2026, 12, 25);
        save(new DutyOverride("main", christmas, "sun", "li", "Wang on leave"));
        save(new DutyOverride("main", LocalDate.of(2026, 12, 24), "chen", null, null));
        save(new DutyOverride("north", christmas, "zhao", "", "other roster"));
        save(new DutyOverride("main", christmas, "qian", "li", "Sun is ill"));

        assertThat(repo.list()).containsExactly(
                new DutyOverride("main", LocalDate.of(2026, 12, 24), "chen", null, ""),
                new DutyOverride("main", christmas, "qian", "li", "Sun is ill"),
                new DutyOverride("north", christmas, "zhao", null, "other roster"));

        repo.apply(RosterChange.remove("main", christmas, audit("roster.override_removed", "main/" + christmas)));
        assertThat(repo.list()).extracting(DutyOverride::roster).containsExactly("main", "north");
    }

    @Test
    void aLunchTurnIsStoredBesideOrWithoutTheDutySlot() {
        LocalDate monday = LocalDate.of(2026, 12, 21);
        save(new DutyOverride("main", monday, null, null, "sun", "zhao", "lunch only"));
        save(new DutyOverride("main", monday.plusDays(1), "li", "wang", "qian", null, "both"));
        assertThat(fresh.storage().dutyOverrides().list()).containsExactly(
                new DutyOverride("main", monday, null, null, "sun", "zhao", "lunch only"),
                new DutyOverride("main", monday.plusDays(1), "li", "wang", "qian", null, "both"));
    }

    @Test
    void aChangeAndItsAuditEntryAreOneTransaction() {
        LocalDate d1 = LocalDate.of(2026, 12, 21);
        LocalDate d2 = LocalDate.of(2026, 12, 22);
        AuditEntry swap = AuditEntry.of(clock.instant(), "sam", "roster.swapped", "main",
                Map.of("person", "zhao", "withPerson", "qian"));
        AuditEntry recorded = fresh.storage().dutyOverrides().apply(new RosterChange(List.of(
                new DutyOverride("main", d1, null, null, "qian", "sun", "swap"),
                new DutyOverride("main", d2, null, null, "zhao", "sun", "swap")), List.of(), swap));
        assertThat(recorded.id()).isPositive();
        assertThat(fresh.storage().audit().recent(10, 0)).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("roster.swapped");
            assertThat(e.actor()).isEqualTo("sam");
            assertThat(e.detail()).containsEntry("person", "zhao").containsEntry("withPerson", "qian");
        });
        assertThat(fresh.storage().dutyOverrides().list()).extracting(DutyOverride::lunchA).containsExactly("qian", "zhao");

        // the second row breaks a rule of the table: neither the first row nor the audit entry is kept
        assertThatThrownBy(() -> fresh.storage().dutyOverrides().apply(new RosterChange(List.of(
                new DutyOverride("main", LocalDate.of(2026, 12, 28), "li", null, "half"),
                new DutyOverride("main", LocalDate.of(2026, 12, 29), null, null, null, null, "no slot")), List.of(),
                audit("roster.swapped", "main")))).isInstanceOf(IllegalStateException.class);
        assertThat(fresh.storage().dutyOverrides().list()).extracting(DutyOverride::date).containsExactly(d1, d2);
        assertThat(fresh.storage().audit().recent(10, 0)).hasSize(1);
    }

    @Test
    void hostileNotesAreStoredExactlyNeverInterpreted() {
        String note = "<img src=x onerror=alert(1)>'; DROP TABLE duty_overrides; --";
        save(new DutyOverride("main", LocalDate.of(2027, 1, 1), "wang", "li", note));
        assertThat(fresh.storage().dutyOverrides().list()).singleElement().extracting(DutyOverride::note).isEqualTo(note);
    }
}
