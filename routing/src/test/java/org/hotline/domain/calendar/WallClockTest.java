package org.hotline.domain.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WallClockTest {

    @ParameterizedTest(name = "{0} {1} -> {2} ({3})")
    @CsvSource(delimiter = '|', textBlock = """
            Europe/Berlin    | 2026-03-29T01:59:59 | 2026-03-29T00:59:59Z | just before the spring gap
            Europe/Berlin    | 2026-03-29T02:00:00 | 2026-03-29T01:00:00Z | gap start: the jump
            Europe/Berlin    | 2026-03-29T02:30:00 | 2026-03-29T01:00:00Z | inside the gap: the jump
            Europe/Berlin    | 2026-03-29T03:00:00 | 2026-03-29T01:00:00Z | the first valid time after the gap
            Europe/Berlin    | 2026-10-25T02:30:00 | 2026-10-25T00:30:00Z | repeated: first occurrence (CEST)
            Europe/Berlin    | 2026-10-25T03:00:00 | 2026-10-25T02:00:00Z | after the repeated hour
            America/New_York | 2026-03-08T02:30:00 | 2026-03-08T07:00:00Z | inside the gap: the jump
            America/New_York | 2026-11-01T01:30:00 | 2026-11-01T05:30:00Z | repeated: first occurrence (EDT)
            Asia/Shanghai    | 2026-03-29T02:30:00 | 2026-03-28T18:30:00Z | no DST
            """)
    void mapsWallClockTimesMonotonically(String zone, LocalDateTime local, Instant expected, String why) {
        assertThat(new WallClock(ZoneId.of(zone)).toInstant(local)).as(why).isEqualTo(expected);
    }
}
