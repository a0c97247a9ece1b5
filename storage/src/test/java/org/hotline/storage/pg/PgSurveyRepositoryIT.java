package org.hotline.storage.pg;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hotline.domain.survey.SurveyCall;
import org.hotline.domain.survey.SurveyCall.State;
import org.hotline.domain.survey.SurveyStore;
import org.hotline.domain.ticket.CallIntake;
import org.hotline.domain.ticket.Ticket;
import org.hotline.storage.Storage;
import org.hotline.domain.testing.MutableClock;
import org.hotline.storage.testing.StorageFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The satisfaction call-back's claims on a real PostgreSQL: exactly once, whoever races. */
class PgSurveyRepositoryIT {
    final MutableClock clock = new MutableClock(Instant.parse("2026-12-21T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    Storage storage;
    Ticket ticket;

    @BeforeEach
    void start() {
        storage = StorageFixture.shared().freshStorage(clock);
        ticket = storage.tickets().openForCall(new CallIntake("complaints", "13900000001", null, "u-1", "l-1",
                clock.instant()));
    }

    @AfterEach
    void stop() {
        storage.close();
    }

    private SurveyCall scheduled(Instant at) {
        return new SurveyCall(ticket.id(), 1, ticket.number(), "13900000001", State.SCHEDULED, 0, 3, at, null,
                clock.instant());
    }

    @Test
    void schedulingTwiceKeepsTheFirstAndDueListsItOnceItIsTime() {
        Instant at = clock.instant().plus(Duration.ofHours(4));
        SurveyStore store = storage.surveys();
        assertThat(store.schedule(scheduled(at))).isEqualTo(scheduled(at));
        assertThat(store.schedule(scheduled(at.plusSeconds(60))).nextAt()).isEqualTo(at);

        assertThat(store.due(at.minusSeconds(1), 10)).isEmpty();
        assertThat(store.due(at, 10)).extracting(SurveyCall::ticketId).containsExactly(ticket.id());
    }

    @Test
    void manyInstancesRacingForOneAttemptClaimItExactlyOnce() throws Exception {
        Instant at = clock.instant();
        storage.surveys().schedule(scheduled(at));
        int racers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Optional<SurveyCall>>> claims = new ArrayList<>();
        try {
            for (int i = 0; i < racers; i++) {
                // a repository of its own per racer: as separate instances on one database
                SurveyStore instance = new PgSurveyRepository(storage.dataSource());
                String name = "instance-" + i;
                Callable<Optional<SurveyCall>> claim = () -> {
                    go.await();
                    return instance.claim(scheduled(at), name, at);
                };
                claims.add(pool.submit(claim));
            }
            go.countDown();
            int won = 0;
            for (Future<Optional<SurveyCall>> f : claims) {
                won += f.get().isPresent() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(storage.surveys().attempts(ticket.id(), 1)).singleElement()
                .satisfies(a -> assertThat(a.attempt()).isEqualTo(1));
        assertThat(storage.surveys().find(ticket.id(), 1).orElseThrow().state()).isEqualTo(State.CALLING);
    }

    @Test
    void anAttemptEndsOnceAndTheLastOneLeavesTheCallBackOnTheFailedList() {
        Instant at = clock.instant();
        SurveyStore store = storage.surveys();
        SurveyCall call = store.schedule(scheduled(at));
        for (int attempt = 1; attempt <= 3; attempt++) {
            call = store.claim(call, "a", at).orElseThrow();
            assertThat(store.claim(call, "b", at)).as("no second claim while calling").isEmpty();
            State next = attempt < 3 ? State.SCHEDULED : State.FAILED;
            assertThat(store.finish(ticket.id(), 1, attempt, "no-answer", next, at, "rang out", at)).isPresent();
            assertThat(store.finish(ticket.id(), 1, attempt, "answered", State.ANSWERED, at, "late", at))
                    .as("an attempt ends once").isEmpty();
            call = store.find(ticket.id(), 1).orElseThrow();
        }
        assertThat(call.state()).isEqualTo(State.FAILED);
        assertThat(store.claim(call, "a", at)).as("no fourth attempt").isEmpty();
        assertThat(store.failed(10)).extracting(SurveyCall::ticketId).containsExactly(ticket.id());
        assertThat(store.attempts(ticket.id(), 1)).extracting(SurveyStore.Attempt::outcome)
                .containsExactly("no-answer", "no-answer", "no-answer");

        assertThat(store.close(ticket.id(), 1, State.DONE_BY_HAND, "alice called", at)).isPresent();
        assertThat(store.failed(10)).isEmpty();
        assertThat(store.close(ticket.id(), 1, State.CANCELLED, "again", at)).as("final stays final").isEmpty();
    }

    @Test
    void aCallerWhoAnsweredIsRememberedByNumber() {
        Instant at = clock.instant();
        SurveyStore store = storage.surveys();
        SurveyCall call = store.claim(store.schedule(scheduled(at)), "a", at).orElseThrow();
        assertThat(store.lastAnswered("13900000001")).isEmpty();
        store.finish(call.ticketId(), 1, 1, "answered", State.ANSWERED, at, "5 of 5", at);
        assertThat(store.lastAnswered("13900000001")).contains(at);
        assertThat(store.lastAnswered("13900000002")).isEmpty();
    }
}
