package org.hotline.storage.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hotline.domain.testing.Conditions;
import org.hotline.domain.testing.MutableClock;
import org.hotline.storage.testing.FreshStorage;
import org.hotline.domain.ticket.Actor;
import org.hotline.domain.ticket.CallIntake;
import org.hotline.domain.ticket.CallOutcome;
import org.hotline.domain.store.Claim;
import org.hotline.domain.ticket.IntakeUpdate;
import org.hotline.domain.ticket.RequestKind;
import org.hotline.domain.ticket.Role;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.ticket.TicketAction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** PostgreSQL is the truth: the queues follow it through the outbox and are rebuilt after Redis is flushed. */
class RedisFlushIT {

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T14:00:00Z"), ZoneId.of("Asia/Shanghai"));

    @RegisterExtension
    final FreshStorage fresh = new FreshStorage(clock);

    Ticket missedCall(int i) {
        Ticket t = fresh.storage().tickets().openForCall(new CallIntake("complaints", "1390000" + i, null, "u" + i, "flush-" + i, clock.instant()));
        fresh.storage().tickets().updateIntake(t.id(), IntakeUpdate.none().withKind(RequestKind.REPAIR));
        return fresh.storage().tickets().recordCallOutcome(t.id(), new CallOutcome.NoAnswer());
    }

    /** Retries an assertion for up to 10 s: the outbox is drained by a background thread. */
    static void eventually(Runnable assertion) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    Set<Long> queued() {
        Set<Long> ids = new HashSet<>();
        fresh.storage().queue().peek("complaints", 10_000).forEach(q -> ids.add(q.ticketId()));
        return ids;
    }

    @Test
    void ticketsFollowTheStoreIntoAndOutOfTheQueue() {
        Ticket t = missedCall(1);
        eventually(() -> assertThat(queued()).containsExactly(t.id()));
        Claim c = fresh.storage().queue().claim("alice", List.of("complaints"), Duration.ofMinutes(2)).orElseThrow();
        Ticket taken = fresh.storage().tickets().apply(c.ticketId(), t.version(), new Actor("alice", Role.AGENT), new TicketAction.TakeOver("calling back"));
        assertThat(taken.owner()).isEqualTo("alice");
        eventually(() -> assertThat(((RedisDispatchQueue) fresh.storage().queue()).leased()).isZero());
        assertThat(fresh.storage().queue().complete(c)).isFalse(); // the store already took it off the queue
        assertThat(queued()).isEmpty();
        clock.advance(Duration.ofMinutes(5));
        fresh.storage().queue().expireLeases();
        assertThat(queued()).as("an owned ticket never comes back").isEmpty();
    }

    @Test
    void flushingRedisMidRunLosesNothing() throws Exception {
        Set<Long> expected = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            expected.add(missedCall(i).id());
        }
        eventually(() -> assertThat(queued()).isEqualTo(expected));

        fresh.storage().redis().flushAll(); // Redis lost everything
        assertThat(queued()).isEmpty();
        for (int i = 50; i < 80; i++) {
            expected.add(missedCall(i).id()); // calls keep coming
        }
        // the maintenance thread notices the flush and rebuilds from PostgreSQL
        Conditions.await("the queue to be rebuilt after the flush", Duration.ofSeconds(10),
                () -> queued().equals(expected));
        assertThat(queued()).isEqualTo(expected);

        Set<Long> claimed = new HashSet<>();
        Optional<Claim> c;
        while ((c = fresh.storage().queue().claim("bob", List.of("complaints"), Duration.ofMinutes(1))).isPresent()) {
            claimed.add(c.get().ticketId());
        }
        assertThat(claimed).isEqualTo(expected);
    }

    @Test
    void claimHoldsAreRebuiltFromPostgresqlAfterAFlushAndStillGiveTheTicketBack() {
        org.hotline.domain.store.ClaimHolds holds = new org.hotline.domain.store.ClaimHolds(fresh.storage().queue(),
                fresh.storage().tickets(), clock, Duration.ofMinutes(2));
        Actor alice = new Actor("alice", Role.AGENT);
        Ticket working = missedCall(21);
        Ticket dispatched = missedCall(22);
        eventually(() -> assertThat(queued()).contains(working.id(), dispatched.id()));
        Ticket w = fresh.storage().tickets().apply(working.id(), working.version(), alice, new TicketAction.TakeOver("claimed"));
        holds.start(w.id(), "alice");
        Ticket d = fresh.storage().tickets().apply(dispatched.id(), dispatched.version(), alice, new TicketAction.TakeOver("claimed"));
        holds.start(d.id(), "alice");
        d = fresh.storage().tickets().apply(d.id(), d.version(), alice, new TicketAction.Dispatch("engineering", "theirs"));
        holds.end(d.id());

        fresh.storage().redis().flushAll(); // Redis lost the holds with everything else
        assertThat(fresh.storage().queue().holdOf(w.id())).isEmpty();
        Conditions.await("the holds to be rebuilt after the flush", Duration.ofSeconds(10),
                () -> fresh.storage().queue().holdOf(w.id()).isPresent());
        assertThat(fresh.storage().queue().holdOf(w.id())).hasValueSatisfying(h -> {
            assertThat(h.agentId()).isEqualTo("alice");
            assertThat(h.until()).isEqualTo(clock.instant().plus(org.hotline.domain.store.ClaimHolds.DEFAULT_LEASE));
        });
        assertThat(fresh.storage().queue().holdOf(d.id())).as("a dispatched ticket has no hold to rebuild").isEmpty();
        assertThat(queued()).as("a claimed ticket is not queued again").doesNotContain(w.id(), d.id());

        // alice went away while Redis was down: once the rebuilt hold runs out, the ticket goes back
        clock.advance(org.hotline.domain.store.ClaimHolds.DEFAULT_LEASE.plusSeconds(1));
        assertThat(holds.returnExpired()).isEqualTo(1);
        assertThat(fresh.storage().tickets().find(w.id()).orElseThrow().owner()).isNull();
        eventually(() -> assertThat(queued()).contains(w.id()));
    }

    @Test
    void everyChangeReachesTheLineBoardWithoutCallerData() {
        Ticket t = missedCall(7);
        eventually(() -> assertThat(fresh.storage().events().readAfter(org.hotline.domain.store.EventStream.boardKey("complaints"),
                org.hotline.domain.store.EventStream.START, 100)).anySatisfy(e -> {
                    assertThat(e.fields()).containsEntry("type", "ticket").containsEntry("id", Long.toString(t.id()))
                            .containsEntry("status", "MISSED").containsEntry("awaitsAgent", "true")
                            .doesNotContainKeys("callerNumber", "callerName", "description");
                }));
    }

    @Test
    void aRebuildRemovesTicketsThatNoLongerAwaitAnAgent() {
        Ticket t = missedCall(8);
        eventually(() -> assertThat(queued()).containsExactly(t.id()));
        Ticket owned = fresh.storage().tickets().apply(t.id(), t.version(), new Actor("alice", Role.AGENT), new TicketAction.TakeOver(null));
        eventually(() -> assertThat(queued()).isEmpty());
        fresh.storage().queue().enqueue(t); // a Redis restored from an older state still has it
        assertThat(queued()).containsExactly(t.id());
        assertThat(fresh.storage().rebuilder().rebuild()).isZero();
        assertThat(queued()).isEmpty();
        assertThat(owned.owner()).isEqualTo("alice");
    }

    @Test
    void rebuildIsExplicitAndHarmlessTwice() {
        Ticket t = missedCall(1);
        fresh.storage().redis().flushAll();
        assertThat(fresh.storage().rebuilder().rebuildIfLost()).isTrue();
        assertThat(fresh.storage().rebuilder().rebuildIfLost()).isFalse();
        assertThat(fresh.storage().rebuilder().rebuild()).isEqualTo(1);
        assertThat(queued()).containsExactly(t.id());
    }
}
