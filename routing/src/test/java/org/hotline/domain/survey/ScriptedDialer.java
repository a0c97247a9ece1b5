package org.hotline.domain.survey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/** A dialer that answers every call with one outcome at once and records when it was asked. */
final class ScriptedDialer implements SurveyDialer {
    record Dialled(Instant at, String ticketNumber, String number, String attemptId) {
    }

    final List<Dialled> calls = new CopyOnWriteArrayList<>();
    private final Clock clock;
    volatile Outcome outcome = new Outcome(Result.NOT_ANSWERED, "rang without answer");

    ScriptedDialer(Clock clock) {
        this.clock = clock;
    }

    @Override
    public CompletionStage<Outcome> dial(String ticketNumber, String number, String attemptId, Duration ring) {
        calls.add(new Dialled(clock.instant(), ticketNumber, number, attemptId));
        return CompletableFuture.completedFuture(outcome);
    }
}
