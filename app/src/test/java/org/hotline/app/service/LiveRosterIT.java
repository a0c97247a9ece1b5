package org.hotline.app.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.hotline.domain.config.HotlineConfig;
import org.hotline.domain.routing.ForwardTarget;
import org.hotline.domain.routing.RoutingDecision;
import org.hotline.domain.store.DutyOverride;
import org.hotline.domain.store.RosterChange;
import org.hotline.domain.testing.Conditions;
import org.hotline.domain.testing.HotlineConfigBuilder;
import org.hotline.domain.ticket.AuditEntry;
import org.hotline.storage.Storage;
import org.hotline.storage.StorageConfig;
import org.hotline.storage.testing.StorageFixture;
import org.junit.jupiter.api.Test;

/**
 * A lunch turn saved on one instance routes the lunch-time calls of that instance at once and of
 * a second instance (same PostgreSQL, its own router, told by the change notice) within a second.
 */
class LiveRosterIT {
    static final HotlineConfig CONFIG = HotlineConfigBuilder.example().build();
    // a Monday of rotation week 0: lunch zhao (A), qian (B)
    static final LocalDate MONDAY = LocalDate.parse("2027-01-04");
    static final Instant LUNCH = MONDAY.atTime(LocalTime.of(12, 30)).atZone(CONFIG.zone()).toInstant();

    static List<String> lunchTargets(LiveRouting routing) {
        RoutingDecision d = routing.decide("complaints", LUNCH, false);
        assertThat(d).isInstanceOf(RoutingDecision.Forward.class);
        return ((RoutingDecision.Forward) d).targets().stream().map(ForwardTarget::personId).toList();
    }

    @Test
    void aSavedLunchTurnRoutesCallsOnThisInstanceAtOnceAndOnTheOtherWithinASecond() throws Exception {
        Clock clock = Clock.systemUTC();
        StorageConfig first = StorageFixture.shared().freshConfig();
        StorageConfig second = StorageFixture.shared().secondInstance(first);
        try (Storage one = Storage.start(first, clock); Storage two = Storage.start(second, clock)) {
            LiveRouting routingOne = new LiveRouting(CONFIG, one.dutyOverrides().list());
            ObservedDutyOverrides overridesOne = new ObservedDutyOverrides(one.dutyOverrides(), routingOne::apply);
            LiveRouting routingTwo = new LiveRouting(CONFIG, two.dutyOverrides().list());
            try (AutoCloseable follow = two.followChanges(table -> routingTwo.apply(two.dutyOverrides().list()))) {
                assertThat(lunchTargets(routingOne)).containsExactly("zhao", "qian");

                overridesOne.apply(RosterChange.save(new DutyOverride("main", MONDAY, null, null, "sun", "chen", "lunch swap"),
                        AuditEntry.of(clock.instant(), "sam", "roster.override_saved", "main/" + MONDAY, Map.of())));
                assertThat(lunchTargets(routingOne)).as("this instance, at once").containsExactly("sun", "chen");
                Conditions.await("the other instance to follow the lunch turn", java.time.Duration.ofSeconds(1),
                        () -> lunchTargets(routingTwo).equals(List.of("sun", "chen")));
                // the duty slot of that day is untouched: the evening still goes to the rotation's duty managers
                Instant evening = MONDAY.atTime(LocalTime.of(20, 0)).atZone(CONFIG.zone()).toInstant();
                assertThat(((RoutingDecision.Forward) routingOne.decide("complaints", evening, false)).targets())
                        .extracting(ForwardTarget::personId).containsExactly("wang", "li");
            }
        }
    }
}
