package org.hotline.storage.pg;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.hotline.domain.store.DutyOverride;
import org.hotline.domain.store.DutyOverrideStore;
import org.hotline.domain.testing.MutableClock;
import org.hotline.storage.testing.FreshStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PgDutyOverrideRepositoryIT {
    final MutableClock clock = new MutableClock(Instant.parse("2026-12-20T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

    @RegisterExtension
    final FreshStorage fresh = new FreshStorage(clock);

    @Test
    void overridesAreUpsertedPerRosterAndDayListedInOrderAndRemoved() {
        DutyOverrideStore repo = fresh.storage().dutyOverrides();
        LocalDate christmas = LocalDate.of(2026, 12, 25);
        repo.save(new DutyOverride("main", christmas, "sun", "li", "Wang on leave"));
        repo.save(new DutyOverride("main", LocalDate.of(2026, 12, 24), "chen", null, null));
        repo.save(new DutyOverride("north", christmas, "zhao", "", "other roster"));
        repo.save(new DutyOverride("main", christmas, "qian", "li", "Sun is ill"));

        assertThat(repo.list()).containsExactly(
                new DutyOverride("main", LocalDate.of(2026, 12, 24), "chen", null, ""),
                new DutyOverride("main", christmas, "qian", "li", "Sun is ill"),
                new DutyOverride("north", christmas, "zhao", null, "other roster"));

        assertThat(repo.remove("main", christmas)).isTrue();
        assertThat(repo.remove("main", christmas)).isFalse();
        assertThat(repo.list()).extracting(DutyOverride::roster).containsExactly("main", "north");
    }

    @Test
    void hostileNotesAreStoredExactlyNeverInterpreted() {
        String note = "<img src=x onerror=alert(1)>'; DROP TABLE duty_overrides; --";
        fresh.storage().dutyOverrides().save(new DutyOverride("main", LocalDate.of(2027, 1, 1), "wang", "li", note));
        assertThat(fresh.storage().dutyOverrides().list()).singleElement().extracting(DutyOverride::note).isEqualTo(note);
    }
}
