package org.hotline.domain.survey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The survey store's contract in memory, one lock for all (the PostgreSQL one is tested in storage). */
final class InMemorySurveyStore implements SurveyStore {
    private final Map<String, SurveyCall> calls = new LinkedHashMap<>();
    private final Map<String, List<Attempt>> attempts = new LinkedHashMap<>();

    private static String key(long ticketId, int round) {
        return ticketId + "/" + round;
    }

    @Override
    public synchronized SurveyCall schedule(SurveyCall call) {
        return calls.computeIfAbsent(key(call.ticketId(), call.round()), k -> call);
    }

    @Override
    public synchronized Optional<SurveyCall> find(long ticketId, int round) {
        return Optional.ofNullable(calls.get(key(ticketId, round)));
    }

    @Override
    public synchronized List<SurveyCall> due(Instant now, int limit) {
        return calls.values().stream().filter(c -> c.state() == SurveyCall.State.SCHEDULED && !c.nextAt().isAfter(now))
                .sorted(Comparator.comparing(SurveyCall::nextAt)).limit(limit).toList();
    }

    @Override
    public synchronized List<SurveyCall> callingSince(Instant before, int limit) {
        return calls.values().stream().filter(c -> c.state() == SurveyCall.State.CALLING && c.nextAt().isBefore(before))
                .limit(limit).toList();
    }

    @Override
    public synchronized Optional<SurveyCall> claim(SurveyCall call, String instance, Instant now) {
        SurveyCall current = calls.get(key(call.ticketId(), call.round()));
        if (current == null || current.state() != SurveyCall.State.SCHEDULED || current.attempts() != call.attempts()
                || current.attempts() >= current.maxAttempts()) {
            return Optional.empty();
        }
        SurveyCall claimed = with(current, SurveyCall.State.CALLING, current.attempts() + 1, now, current.note(), now);
        calls.put(key(call.ticketId(), call.round()), claimed);
        attempts.computeIfAbsent(key(call.ticketId(), call.round()), k -> new ArrayList<>())
                .add(new Attempt(claimed.attempts(), instance, now, null, null));
        return Optional.of(claimed);
    }

    @Override
    public synchronized Optional<SurveyCall> finish(long ticketId, int round, int attempt, String outcome,
            SurveyCall.State next, Instant nextAt, String note, Instant now) {
        List<Attempt> list = attempts.getOrDefault(key(ticketId, round), List.of());
        SurveyCall current = calls.get(key(ticketId, round));
        if (list.size() < attempt || list.get(attempt - 1).outcome() != null || current.state() != SurveyCall.State.CALLING
                || current.attempts() != attempt) {
            return Optional.empty();
        }
        Attempt a = list.get(attempt - 1);
        list.set(attempt - 1, new Attempt(a.attempt(), a.instance(), a.claimedAt(), outcome, now));
        SurveyCall after = with(current, next, attempt, nextAt, note, now);
        calls.put(key(ticketId, round), after);
        return Optional.of(after);
    }

    @Override
    public synchronized void postpone(long ticketId, int round, Instant nextAt, Instant now) {
        SurveyCall c = calls.get(key(ticketId, round));
        if (c != null && c.state() == SurveyCall.State.SCHEDULED) {
            calls.put(key(ticketId, round), with(c, c.state(), c.attempts(), nextAt, c.note(), now));
        }
    }

    @Override
    public synchronized Optional<SurveyCall> close(long ticketId, int round, SurveyCall.State next, String note,
            Instant now) {
        SurveyCall c = calls.get(key(ticketId, round));
        if (c == null || c.state().isFinal()) {
            return Optional.empty();
        }
        SurveyCall after = with(c, next, c.attempts(), c.nextAt(), note, now);
        calls.put(key(ticketId, round), after);
        return Optional.of(after);
    }

    @Override
    public synchronized List<SurveyCall> failed(int limit) {
        return calls.values().stream().filter(c -> c.state() == SurveyCall.State.FAILED).limit(limit).toList();
    }

    @Override
    public synchronized Optional<Instant> lastAnswered(String callbackNumber) {
        return calls.values().stream()
                .filter(c -> c.state() == SurveyCall.State.ANSWERED && c.callbackNumber().equals(callbackNumber))
                .map(SurveyCall::updatedAt).max(Comparator.naturalOrder());
    }

    @Override
    public synchronized List<Attempt> attempts(long ticketId, int round) {
        return List.copyOf(attempts.getOrDefault(key(ticketId, round), List.of()));
    }

    private static SurveyCall with(SurveyCall c, SurveyCall.State state, int attempts, Instant nextAt, String note,
            Instant now) {
        return new SurveyCall(c.ticketId(), c.round(), c.ticketNumber(), c.callbackNumber(), state, attempts,
                c.maxAttempts(), nextAt, note, now);
    }
}
