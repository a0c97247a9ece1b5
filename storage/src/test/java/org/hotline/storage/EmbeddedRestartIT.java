package org.hotline.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.hotline.storage.testing.StorageFixture;
import org.hotline.domain.ticket.AgentState;
import org.hotline.domain.ticket.CallIntake;
import org.hotline.domain.ticket.CallOutcome;
import org.hotline.domain.ticket.Ticket;
import org.junit.jupiter.api.Test;

/** With no URLs the service runs embedded servers whose data survives a restart. */
class EmbeddedRestartIT {

    @Test
    void aRestartKeepsTicketsQueuesAndTheNumberSequence() throws Exception {
        Path dir = Files.createTempDirectory("hotline-embedded-it");
        try {
            Ticket first;
            try (Storage s = Storage.start(StorageConfig.embedded(dir), Clock.systemUTC())) {
                assertThat(s.postgresReady()).isTrue();
                assertThat(s.redisReady()).isTrue();
                first = s.tickets().openForCall(new CallIntake("service", "139", "Li", "u1", "restart-1", Clock.systemUTC().instant()));
                s.tickets().recordCallOutcome(first.id(), new CallOutcome.NoAnswer());
                s.presence().set("alice", AgentState.AVAILABLE, null, Duration.ofHours(1));
            }
            try (Storage s = Storage.start(StorageConfig.embedded(dir), Clock.systemUTC())) {
                assertThat(s.tickets().findByLinkedid("restart-1")).hasValueSatisfying(t -> {
                    assertThat(t.number()).isEqualTo(first.number());
                    assertThat(t.callbackRequested()).isTrue();
                });
                Ticket second = s.tickets().openForCall(new CallIntake("service", "139", "Li", "u2", "restart-2", Clock.systemUTC().instant()));
                assertThat(second.id()).isGreaterThan(first.id());
                assertThat(s.queue().peek("service", 10)).extracting(q -> q.ticketId()).containsExactly(first.id());
                assertThat(s.presence().get("alice")).isPresent();
                assertThat(s.tickets().history(first.id())).hasSize(2);
                assertThat(List.of(s.dataSource().getUsername())).containsExactly(Storage.EMBEDDED_APP_ROLE);
            }
        } finally {
            StorageFixture.deleteQuietly(dir);
        }
    }
}
