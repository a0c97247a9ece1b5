package org.hotline.app.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.domain.deadline.DeadlineWatcher;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.testing.Conditions;
import org.junit.jupiter.api.Test;

class DeadlineScheduleTest {

    private static final Ticket TICKET = new Ticket.Builder().id(1).number("HL-2026-000001").line("complaints")
            .createdAt(Instant.EPOCH).updatedAt(Instant.EPOCH).build();

    @Test
    void scansEveryPeriodCountsTheAlertsAndOutlivesAFailedScan() throws Exception {
        AtomicInteger scans = new AtomicInteger();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (var schedule = new DeadlineSchedule(() -> {
            int n = scans.incrementAndGet();
            if (n == 2) {
                throw new IllegalStateException("database down");
            }
            return n == 3 ? List.of(new DeadlineWatcher.Alert(TICKET, "resolve", Instant.EPOCH, true, Set.of("sue")),
                    new DeadlineWatcher.Alert(TICKET, "plan", Instant.EPOCH, false, Set.of("alice")))
                    : List.of();
        }, Duration.ofMillis(20), registry)) {
            Conditions.await("five scans", Duration.ofSeconds(5), () -> scans.get() >= 5);
        }
        int afterClose = scans.get();
        assertThat(afterClose).isGreaterThanOrEqualTo(5);
        assertThat(registry.counter("hotline.deadline.alerts", "state", "missed").count()).isEqualTo(1);
        assertThat(registry.counter("hotline.deadline.alerts", "state", "at_risk").count()).isEqualTo(1);
        Thread.sleep(100); // five periods: that nothing happens has no condition to wait on
        assertThat(scans.get()).as("no scan after close").isEqualTo(afterClose);
    }
}
