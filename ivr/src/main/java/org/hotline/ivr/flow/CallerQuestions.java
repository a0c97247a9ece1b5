package org.hotline.ivr.flow;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hotline.domain.config.LineConfig;
import org.hotline.ivr.agi.AgiSession;

/**
 * Asks the caller one question with bounded retries: {@code attempts} tries on no input or
 * invalid input (each failed try followed by the line's "no input" or "invalid" prompt while
 * tries remain), {@code *} repeats the question (bounded too), and the answer is empty when
 * the tries run out so the call moves on instead of looping. A hangup fails the future with
 * {@link CallerHungUpException}. Prompts are played by {@link PromptPlayer}, so a sound file
 * Asterisk lacks falls back to the core sound (or none) and never ends the call. Confined to one
 * call.
 */
final class CallerQuestions {

    private final PromptPlayer prompts;
    private final int attempts;
    private final int keyTimeoutMillis;

    CallerQuestions(AgiSession session, LineConfig line, int attempts, int keyTimeoutMillis) {
        this.prompts = new PromptPlayer(session, line);
        this.attempts = attempts;
        this.keyTimeoutMillis = keyTimeoutMillis;
    }

    /** Plays {@code prompt} and collects up to {@code maxDigits} keys. */
    CompletableFuture<KeyEntry> keys(String prompt, int maxDigits) {
        return prompts.keys(prompt, keyTimeoutMillis, maxDigits);
    }

    /** Plays a prompt that cannot be interrupted; fails with {@link CallerHungUpException} on hangup. */
    CompletableFuture<Void> play(String prompt, String during) {
        return prompts.play(prompt, during);
    }

    <T> CompletableFuture<Optional<T>> ask(String what, Supplier<CompletableFuture<KeyEntry>> question,
                                           Function<KeyEntry, Answer<T>> interpret) {
        return ask(what, question, interpret, 1, 1);
    }

    private <T> CompletableFuture<Optional<T>> ask(String what, Supplier<CompletableFuture<KeyEntry>> question,
                                                   Function<KeyEntry, Answer<T>> interpret, int attempt, int round) {
        if (attempt > attempts || round > attempts * 2 + 2) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return question.get().thenCompose(entry -> {
            if (entry.kind() == KeyEntry.Kind.HUNG_UP) {
                throw new CallerHungUpException(what);
            }
            Answer<T> answer = interpret.apply(entry);
            if (answer instanceof Answer.Accept<T> accept) {
                return CompletableFuture.completedFuture(Optional.of(accept.value()));
            } else if (answer instanceof Answer.Skip<T>) {
                return CompletableFuture.completedFuture(Optional.<T>empty());
            } else if (answer instanceof Answer.Repeat<T>) {
                return ask(what, question, interpret, attempt, round + 1);
            }
            String complaint = answer instanceof Answer.NoInput<T> ? HotlinePrompts.NO_INPUT : HotlinePrompts.INVALID;
            if (attempt >= attempts) {
                return CompletableFuture.completedFuture(Optional.<T>empty());
            }
            return play(complaint, what).thenCompose(x -> ask(what, question, interpret, attempt + 1, round + 1));
        });
    }
}
