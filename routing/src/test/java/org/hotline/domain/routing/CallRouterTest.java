package org.hotline.domain.routing;

import org.hotline.domain.roster.DutyRole;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import org.hotline.domain.calendar.Period;
import org.hotline.domain.config.HotlineConfig;
import org.hotline.domain.config.LineConfig;
import org.hotline.domain.config.LineHours;
import org.hotline.domain.config.UrgentPath;
import org.hotline.domain.testing.HotlineConfigBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CallRouterTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final CallRouter EXAMPLE = new CallRouter(HotlineConfigBuilder.example()
            .line(HotlineConfigBuilder.line("plain", "5550100", "main", UrgentPath.QUEUE))
            .build());

    private static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(SHANGHAI).toInstant();
    }

    /** "QUEUE q" / "VOICEMAIL" / "FORWARD id:ROLE:ring,id:ROLE:ring". */
    private static String describe(RoutingDecision d) {
        if (d instanceof RoutingDecision.Queue q) {
            return "QUEUE " + q.queue();
        }
        if (d instanceof RoutingDecision.Forward f) {
            return "FORWARD " + f.targets().stream().map(t -> t.personId() + ":" + t.role() + ":" + t.ringSeconds())
                    .collect(Collectors.joining(","));
        }
        return "VOICEMAIL";
    }

    @ParameterizedTest(name = "{0} {1} urgent={2}: {3} {4}")
    @CsvSource(delimiter = '|', textBlock = """
            complaints | 2026-03-02T08:29:59 | false | AFTER_HOURS | FORWARD chen:DUTY_A:20,wang:DUTY_B:20 | Monday before opening is still Sunday's duty day (week 1)
            complaints | 2026-03-02T08:30:00 | false | OFFICE      | QUEUE hotline-complaints              | opening
            complaints | 2026-03-02T11:59:59 | false | OFFICE      | QUEUE hotline-complaints              | last office second of the morning
            complaints | 2026-03-02T12:00:00 | false | LUNCH       | FORWARD zhao:LUNCH_A:20,qian:LUNCH_B:20 | lunch at exactly 12:00:00
            complaints | 2026-03-02T13:29:59 | false | LUNCH       | FORWARD zhao:LUNCH_A:20,qian:LUNCH_B:20 | last lunch second
            complaints | 2026-03-02T13:30:00 | false | OFFICE      | QUEUE hotline-complaints              | afternoon at exactly 13:30:00
            complaints | 2026-03-02T17:30:00 | false | AFTER_HOURS | FORWARD wang:DUTY_A:20,li:DUTY_B:20 | evening
            complaints | 2026-03-03T02:00:00 | false | AFTER_HOURS | FORWARD wang:DUTY_A:20,li:DUTY_B:20 | night after midnight: Monday's duty
            complaints | 2026-03-03T08:29:59 | false | AFTER_HOURS | FORWARD wang:DUTY_A:20,li:DUTY_B:20 | duty-day boundary, one second before
            service    | 2026-03-03T08:29:59 | true  | OFFICE      | FORWARD wang:DUTY_A:25,li:DUTY_B:25 | urgent on the 24-hour line: its duty managers ring longer
            service    | 2026-03-03T02:00:00 | false | OFFICE      | QUEUE hotline-service                 | the 24-hour line at night: its agents
            service    | 2026-03-07T10:00:00 | false | OFFICE      | QUEUE hotline-service                 | the 24-hour line on Saturday
            service    | 2026-10-01T10:00:00 | false | OFFICE      | QUEUE hotline-service                 | the 24-hour line on a public holiday
            service    | 2026-03-02T12:30:00 | false | OFFICE      | QUEUE hotline-service                 | the 24-hour line has no lunch break
            complaints | 2026-03-07T10:00:00 | false | CLOSED      | FORWARD chen:DUTY_A:20,li:DUTY_B:20 | Saturday
            complaints | 2026-10-01T10:00:00 | false | CLOSED      | FORWARD wang:DUTY_A:20,chen:DUTY_B:20 | public holiday (a Thursday of week 0)
            complaints | 2026-12-24T15:00:00 | false | CLOSED      | FORWARD wang:DUTY_A:20,chen:DUTY_B:20 | closure
            complaints | 2026-12-25T20:00:00 | false | AFTER_HOURS | FORWARD sun:DUTY_A:20,li:DUTY_B:20  | override
            complaints | 2026-02-14T12:00:00 | false | LUNCH       | VOICEMAIL                             | make-up Saturday lunch: nobody rostered
            complaints | 2026-03-02T10:00:00 | true  | OFFICE      | FORWARD wang:DUTY_A:20,li:DUTY_B:20 | urgent straight to the duty manager
            complaints | 2026-03-02T12:30:00 | true  | LUNCH       | FORWARD wang:DUTY_A:20,li:DUTY_B:20 | urgent at lunch too
            plain      | 2026-03-02T10:00:00 | true  | OFFICE      | QUEUE q-plain                         | urgent path queue
            plain      | 2026-03-02T12:30:00 | true  | LUNCH       | FORWARD zhao:LUNCH_A:20,qian:LUNCH_B:20 | urgent path queue at lunch
            """)
    void decides(String line, String at, boolean urgent, Period period, String action, String why) {
        RoutingDecision decision = EXAMPLE.decide(line, local(at), urgent);
        assertThat(decision.period()).as(why).isEqualTo(period);
        assertThat(describe(decision)).as(why).isEqualTo(action);
    }

    @Test
    void theFallbackHasVoicemailNextOpeningAndDutyManagers() {
        RoutingDecision evening = EXAMPLE.decide("complaints", local("2026-03-06T20:00:00"));
        assertThat(evening.fallback()).isEqualTo(new Fallback("complaints@hotline",
                java.util.Optional.of(local("2026-03-09T08:30:00")), List.of("li", "wang")));
        RoutingDecision office = EXAMPLE.decide("complaints", local("2026-03-02T10:00:00"));
        assertThat(office.fallback().nextOpening()).contains(local("2026-03-02T13:30:00"));
        RoutingDecision night = EXAMPLE.decide("service", local("2026-03-03T02:00:00"));
        assertThat(night.fallback().voicemailBox()).isEqualTo("service@hotline");
        assertThat(night.fallback().nextOpening()).as("a 24-hour line is open now")
                .contains(local("2026-03-03T02:00:00"));
        assertThat(night.fallback().notifyPersonIds()).containsExactly("wang", "li");
    }

    @ParameterizedTest(name = "{0}: {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-03-02T08:00:00 | OFFICE      | QUEUE q-long  | its own opening, before the office's
            2026-03-02T12:30:00 | OFFICE      | QUEUE q-long  | no lunch of its own: the office's lunch does not apply
            2026-03-02T19:59:59 | OFFICE      | QUEUE q-long  | after the office has closed
            2026-03-02T20:00:00 | AFTER_HOURS | FORWARD wang:DUTY_A:20,li:DUTY_B:20 | its own closing: the duty roster
            2026-03-07T10:00:00 | OFFICE      | QUEUE q-long  | its own Saturday hours
            2026-03-07T13:00:00 | AFTER_HOURS | FORWARD chen:DUTY_A:20,li:DUTY_B:20 | a working Saturday of its own, after its hours
            2026-10-01T10:00:00 | CLOSED      | FORWARD wang:DUTY_A:20,chen:DUTY_B:20 | the office's holidays still apply
            """)
    void aLineWithHoursOfItsOwnIsRoutedByThemOnTheOfficeCalendar(String at, Period period, String action, String why) {
        CallRouter router = new CallRouter(HotlineConfigBuilder.example()
                .line(HotlineConfigBuilder.line("long", "5550200", "main", UrgentPath.QUEUE).withHours(new LineHours.Own(
                        java.util.Map.of(java.time.DayOfWeek.MONDAY, List.of(range("08:00-20:00")),
                                java.time.DayOfWeek.SATURDAY, List.of(range("09:00-12:00"))),
                        java.util.Optional.empty())))
                .build());
        RoutingDecision decision = router.decide("long", local(at));
        assertThat(decision.period()).as(why).isEqualTo(period);
        assertThat(describe(decision)).as(why).isEqualTo(action);
        assertThat(router.decide("long", local("2026-03-02T20:00:00")).fallback().nextOpening())
                .as("next opening on its own hours: the following Saturday").contains(local("2026-03-07T09:00:00"));
    }

    private static org.hotline.domain.config.TimeRange range(String text) {
        String[] parts = text.split("-");
        return new org.hotline.domain.config.TimeRange(java.time.LocalTime.parse(parts[0]), java.time.LocalTime.parse(parts[1]));
    }

    @Test
    void forwardTargetsCarryConfiguredNamesAndNumbers() {
        RoutingDecision.Forward f = (RoutingDecision.Forward) EXAMPLE.decide("complaints", local("2026-03-02T20:00:00"));
        assertThat(f.targets()).containsExactly(
                new ForwardTarget("wang", "Wang Lei", "13800000001", DutyRole.DUTY_A, 20),
                new ForwardTarget("li", "Li Na", "13800000002", DutyRole.DUTY_B, 20));
    }

    @Test
    void aSlotWithOnlyAForwardsToA() {
        CallRouter router = new CallRouter(HotlineConfigBuilder.example()
                .simpleRoster("solo", "08:30", "2026-01-05", "chen", "")
                .line(HotlineConfigBuilder.line("solo", "5550199", "solo", UrgentPath.DUTY_MANAGER)).build());
        assertThat(describe(router.decide("solo", local("2026-03-02T20:00:00")))).isEqualTo("FORWARD chen:DUTY_A:20");
        RoutingDecision lunch = router.decide("solo", local("2026-03-02T12:00:00"));
        assertThat(lunch).isInstanceOf(RoutingDecision.Voicemail.class);
        assertThat(lunch.fallback().notifyPersonIds()).containsExactly("chen");
    }

    @Test
    void anUrgentCallWithNoDutyManagerTakesTheNormalPath() {
        CallRouter router = new CallRouter(HotlineConfigBuilder.example()
                .simpleRoster("lunchOnly", "08:30", "2026-01-05", "", "zhao")
                .line(HotlineConfigBuilder.line("l", "5550197", "lunchOnly", UrgentPath.DUTY_MANAGER)).build());
        assertThat(describe(router.decide("l", local("2026-03-02T10:00:00"), true))).isEqualTo("QUEUE q-l");
        assertThat(describe(router.decide("l", local("2026-03-02T12:00:00"), true))).isEqualTo("FORWARD zhao:LUNCH_A:20");
        assertThat(describe(router.decide("l", local("2026-03-02T20:00:00"), true))).isEqualTo("VOICEMAIL");
    }

    @Test
    void nobodyOnDutyMeansVoicemailWithNobodyToNotify() {
        CallRouter router = new CallRouter(HotlineConfigBuilder.example()
                .simpleRoster("empty", "08:30", "2026-01-05", "", "")
                .line(HotlineConfigBuilder.line("empty", "5550198", "empty", UrgentPath.DUTY_MANAGER)).build());
        RoutingDecision night = router.decide("empty", local("2026-03-02T20:00:00"), true);
        assertThat(night).isEqualTo(new RoutingDecision.Voicemail(Period.AFTER_HOURS,
                new Fallback("empty@hotline", java.util.Optional.of(local("2026-03-03T08:30:00")), List.of())));
    }

    @Test
    void findsTheLineByDialledNumber() {
        assertThat(EXAMPLE.lineForNumber("88001234")).map(LineConfig::id).contains("complaints");
        assertThat(EXAMPLE.lineForNumber("4008005678")).map(LineConfig::id).contains("service");
        assertThat(EXAMPLE.lineForNumber("999")).isEmpty();
    }

    @Test
    void unknownLineIsAClearError() {
        assertThatThrownBy(() -> EXAMPLE.decide("nope", Instant.EPOCH))
                .isInstanceOfSatisfying(UnknownLineException.class, e -> assertThat(e.lineId()).isEqualTo("nope"))
                .hasMessage("unknown line \"nope\"; configured lines: complaints, service, plain");
    }

    @Test
    void refusesANumberOnTwoLines() {
        HotlineConfig config = HotlineConfigBuilder.example()
                .line(HotlineConfigBuilder.line("dup", "88001234", "main", UrgentPath.QUEUE)).build();
        assertThatThrownBy(() -> new CallRouter(config)).hasMessageContaining("88001234");
    }

    @ParameterizedTest(name = "{0} at {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Europe/Berlin    | 2026-03-29T00:59:59Z | AFTER_HOURS
            Europe/Berlin    | 2026-03-29T01:00:00Z | OFFICE
            America/New_York | 2026-11-01T07:59:59Z | OFFICE
            America/New_York | 2026-11-01T08:00:00Z | AFTER_HOURS
            """)
    void decidesAcrossDstNights(String zone, Instant at, Period period) {
        CallRouter router = new CallRouter(HotlineConfigBuilder.empty(ZoneId.of(zone))
                .weekdays("08:30-12:00", "13:30-17:30")
                .officeHours(java.time.DayOfWeek.SUNDAY, zone.startsWith("Europe") ? "02:30-05:00" : "01:00-03:00")
                .person("a", "A", "1001").simpleRoster("r", "08:30", "2026-01-05", "a", "")
                .line(HotlineConfigBuilder.line("l", "100", "r", UrgentPath.QUEUE)).build());
        RoutingDecision d = router.decide("l", at);
        assertThat(d.period()).isEqualTo(period);
        assertThat(describe(d)).isEqualTo(period == Period.OFFICE ? "QUEUE q-l" : "FORWARD a:DUTY_A:20");
    }
}
