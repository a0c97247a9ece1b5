package org.hotline.ivr.e2e;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.calendar.Period;
import org.hotline.config.LineConfig;
import org.hotline.config.RingSeconds;
import org.hotline.config.UrgentPath;
import org.hotline.ivr.flow.HotlineRouting;
import org.hotline.routing.DutyRole;
import org.hotline.routing.Fallback;
import org.hotline.routing.ForwardTarget;
import org.hotline.routing.RoutingDecision;

/**
 * The routing the end-to-end tests run under: the complaint line of the example configuration
 * (queue {@code hotline-complaints}, box {@code complaints@hotline}, no location question so
 * calls stay short), office hours Monday to Friday 08:30-17:30 Asia/Shanghai, and after hours
 * duty manager A (Wang, 13800000001) then B (Li, 13800000002), each ringing
 * {@link #RING_SECONDS}. The routing rules themselves are proven in the routing module; what
 * these tests prove is that Asterisk, the flow and the store carry a decision out.
 */
final class TestRouting implements HotlineRouting {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String LINE_NUMBER = "4008001234";
    static final String QUEUE = "hotline-complaints";
    static final String VOICEMAIL = "complaints@hotline";
    static final String DUTY_A = "13800000001";
    static final String DUTY_B = "13800000002";
    static final int RING_SECONDS = 5;
    /** Monday 2 March 2026, 10:00 in Shanghai. */
    static final Instant OFFICE = Instant.parse("2026-03-02T02:00:00Z");
    /** Monday 2 March 2026, 21:00 in Shanghai. */
    static final Instant AFTER_HOURS = Instant.parse("2026-03-02T13:00:00Z");

    static final LineConfig COMPLAINTS = new LineConfig("complaints", "Complaint line", List.of(LINE_NUMBER, "88001234"),
            "main", QUEUE, new RingSeconds(RING_SECONDS, RING_SECONDS), false, UrgentPath.DUTY_MANAGER, VOICEMAIL,
            Map.of("complaint", "complaint"), Map.of());

    @Override
    public Optional<LineConfig> lineForNumber(String dialled) {
        return COMPLAINTS.numbers().contains(dialled) ? Optional.of(COMPLAINTS) : Optional.empty();
    }

    @Override
    public RoutingDecision decide(String lineId, Instant at, boolean urgent) {
        ZonedDateTime t = at.atZone(ZONE);
        boolean workday = t.getDayOfWeek() != DayOfWeek.SATURDAY && t.getDayOfWeek() != DayOfWeek.SUNDAY;
        LocalTime time = t.toLocalTime();
        boolean office = workday && !time.isBefore(LocalTime.of(8, 30)) && time.isBefore(LocalTime.of(17, 30));
        Fallback fallback = new Fallback(VOICEMAIL, Optional.empty(), List.of("wang", "li"));
        if (office && !urgent) {
            return new RoutingDecision.Queue(Period.OFFICE, QUEUE, fallback);
        }
        return new RoutingDecision.Forward(office ? Period.OFFICE : Period.AFTER_HOURS, List.of(
                new ForwardTarget("wang", "Wang Lei", DUTY_A, DutyRole.DUTY_A, RING_SECONDS),
                new ForwardTarget("li", "Li Na", DUTY_B, DutyRole.DUTY_B, RING_SECONDS)), fallback);
    }
}
