package org.hotline.ivr.e2e;

import java.time.Instant;
import java.util.Map;
import org.hotline.domain.config.HotlineConfig;
import org.hotline.domain.config.LineConfig;
import org.hotline.domain.config.RingSeconds;
import org.hotline.ivr.flow.HotlineRouting;
import org.hotline.domain.routing.CallRouter;
import org.hotline.domain.testing.HotlineConfigBuilder;

/**
 * The routing the end-to-end tests run under: the real {@link CallRouter} on the example
 * configuration ({@code config/hotline.example.yaml}, Asia/Shanghai), with the complaint line
 * made test-friendly: its duty phones ring {@link #RING_SECONDS} instead of 20, no location
 * question, and no recorded prompts (the test PBX has only the core sounds).
 *
 * <p>On Monday 2 March 2026 the rotation (anchored Monday 5 January, two weeks) is in its
 * first week: after hours duty manager A is Wang (13800000001), B is Li (13800000002).
 */
final class TestRouting {
    static final String LINE_NUMBER = "4008001234";
    static final String QUEUE = "hotline-complaints";
    static final String DUTY_A = "13800000001";
    static final String DUTY_B = "13800000002";
    static final int RING_SECONDS = 5;
    /** Monday 2 March 2026, 10:00 in Shanghai: office hours. */
    static final Instant OFFICE = Instant.parse("2026-03-02T02:00:00Z");
    /** Monday 2 March 2026, 21:00 in Shanghai: after hours. */
    static final Instant AFTER_HOURS = Instant.parse("2026-03-02T13:00:00Z");

    private TestRouting() {}

    static HotlineRouting create() {
        HotlineConfig config = HotlineConfigBuilder.example().editLine("complaints", TestRouting::testFriendly).build();
        return HotlineRouting.of(new CallRouter(config));
    }

    private static LineConfig testFriendly(LineConfig l) {
        return new LineConfig(l.id(), l.name(), l.numbers(), l.roster(), l.queue(), new RingSeconds(RING_SECONDS, RING_SECONDS),
                false, l.urgent(), l.voicemail(), l.deadlines(), Map.of());
    }
}
