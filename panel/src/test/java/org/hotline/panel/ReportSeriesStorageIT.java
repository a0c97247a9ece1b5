package org.hotline.panel;

import org.hotline.domain.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/reports/kpis/series} over real HTTP, computed from the facts the real storage
 * (embedded PostgreSQL and Redis) wrote for the calls of {@link ChartFixture}.
 */
class ReportSeriesStorageIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final MutableClock clock = MutableClock.realTime(PanelHarness.ZONE);
    private PanelHarness h;
    private ChartFixture fixture;

    @BeforeEach
    void start() throws Exception {
        h = new PanelHarness(clock, PanelHarness.Backend.storage(clock), TestPanelConfig.onFreePort());
        fixture = ChartFixture.build(h, clock);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private JsonNode series(String query) throws Exception {
        var res = h.login("sam").get("/api/reports/kpis/series?" + query);
        assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
        return JSON.readTree(res.body());
    }

    private static List<Long> longs(JsonNode array, String field) {
        List<Long> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get("kpis").get(field).asLong()));
        return out;
    }

    @Test
    void callsByHourAndEachDaysServiceLevelBacklogDeadlinesAndSatisfaction() throws Exception {
        JsonNode s = series("from=" + fixture.yesterday + "&to=" + fixture.today);
        assertThat(s.get("zone").asText()).isEqualTo(PanelHarness.ZONE.getId());
        assertThat(s.get("hours")).hasSize(24);
        assertThat(longs(s.get("hours"), "offered")).isEqualTo(fixture.offeredByHour());
        assertThat(longs(s.get("hours"), "answered")).isEqualTo(fixture.answeredByHour());
        assertThat(s.get("hours").get(10).get("kpis").get("abandonedInQueue").asLong()).isEqualTo(1);
        if (fixture.todaysHour != 9) {
            // A within 15 s, B not: the hour's service level is one of two
            assertThat(s.get("hours").get(9).get("kpis").get("serviceLevel").asDouble()).isEqualTo(0.5);
        }

        JsonNode days = s.get("days");
        assertThat(days).hasSize(2);
        JsonNode y = days.get(0);
        assertThat(y.get("date").asText()).isEqualTo(fixture.yesterday.toString());
        assertThat(y.get("backlog").asLong()).isEqualTo(3);
        assertThat(y.get("kpis").get("offered").asLong()).isEqualTo(4);
        assertThat(y.get("kpis").get("serviceLevel").asDouble()).isEqualTo(0.5);
        assertThat(y.get("kpis").get("timelyHandlingRate").asDouble()).isEqualTo(0.25);
        assertThat(y.get("kpis").get("satisfactionRate").asDouble()).isEqualTo(1.0);
        JsonNode t = days.get(1);
        assertThat(t.get("backlog").asLong()).as("A, B, C and today's E open now").isEqualTo(4);
        assertThat(t.get("kpis").get("offered").asLong()).isEqualTo(1);
        assertThat(t.get("kpis").get("serviceLevel").isNull()).as("nobody was put through today").isTrue();
        assertThat(t.get("kpis").get("satisfactionRate").isNull()).isTrue();
    }

    @Test
    void aDayAfterTodayHasNoBacklogYetAndAnotherLineNone() throws Exception {
        JsonNode s = series("from=" + fixture.today + "&to=" + fixture.today.plusDays(1));
        assertThat(s.get("days").get(0).get("backlog").asLong()).isEqualTo(4);
        assertThat(s.get("days").get(1).get("backlog").isNull()).isTrue();
        JsonNode service = series("from=" + fixture.yesterday + "&to=" + fixture.yesterday + "&line=service");
        assertThat(service.get("days").get(0).get("backlog").asLong()).isZero();
        assertThat(service.get("days").get(0).get("kpis").get("offered").asLong()).isZero();
    }

    @Test
    void badParametersAreRefusedAndAgentsMayNotSeeIt() throws Exception {
        var http = h.login("sam");
        var backwards = http.get("/api/reports/kpis/series?from=2026-03-10&to=2026-03-01");
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(backwards.body()).contains("before it starts");
        assertThat(http.get("/api/reports/kpis/series?from=yesterday").body()).contains("must be a date like");
        assertThat(http.get("/api/reports/kpis/series?line=nope").statusCode()).isEqualTo(400);
        assertThat(h.login("alice").get("/api/reports/kpis/series").statusCode()).isEqualTo(403);
    }
}
