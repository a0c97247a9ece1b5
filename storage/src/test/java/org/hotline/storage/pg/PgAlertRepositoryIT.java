package org.hotline.storage.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.hotline.domain.notify.Alert;
import org.hotline.domain.notify.AlertStore;
import org.hotline.domain.testing.MutableClock;
import org.hotline.storage.testing.FreshStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PgAlertRepositoryIT {
    final MutableClock clock = new MutableClock(Instant.parse("2026-12-20T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

    @RegisterExtension
    final FreshStorage fresh = new FreshStorage(clock);

    @Test
    void anAlertIsRaisedOnceAndAcknowledgedOnceWithWhoAndWhen() {
        AlertStore alerts = fresh.storage().alerts();
        assertThat(alerts.raise("escalation/7/3", "escalation", "Escalated: ticket HL-7", 7, List.of("li", "zhou"), true,
                clock.instant())).isTrue();
        assertThat(alerts.raise("escalation/7/3", "escalation", "again", 7, List.of("x"), false, clock.instant()))
                .as("raised again by another instance").isFalse();
        assertThat(alerts.raise("morning-list/2026-12-20", "morning-list", "What arrived overnight", 0, List.of(), false,
                clock.instant())).isTrue();

        List<Alert> open = alerts.recent(true, 10, 0);
        assertThat(open).extracting(Alert::key).containsExactly("morning-list/2026-12-20", "escalation/7/3");
        Alert escalation = open.get(1);
        assertThat(escalation.recipients()).containsExactly("li", "zhou");
        assertThat(escalation.subject()).isEqualTo("Escalated: ticket HL-7");
        assertThat(escalation.urgent()).isTrue();

        clock.advance(Duration.ofMinutes(3));
        Alert acked = alerts.acknowledge(escalation.id(), "li", clock.instant()).orElseThrow();
        assertThat(acked.acknowledgedBy()).isEqualTo("li");
        assertThat(acked.acknowledgedAt()).isEqualTo(clock.instant());
        assertThatThrownBy(() -> alerts.acknowledge(escalation.id(), "zhou", clock.instant()))
                .isInstanceOf(AlertStore.AlreadyAcknowledgedException.class).hasMessageContaining("by li");
        assertThat(alerts.find(escalation.id()).orElseThrow().acknowledgedBy()).isEqualTo("li");
        assertThat(alerts.acknowledge(999_999, "li", clock.instant())).isEmpty();

        assertThat(alerts.recent(true, 10, 0)).extracting(Alert::key).containsExactly("morning-list/2026-12-20");
        assertThat(alerts.recent(false, 10, 0)).hasSize(2);
        assertThat(alerts.recent(false, 10, open.get(0).id())).extracting(Alert::key).containsExactly("escalation/7/3");
    }
}
