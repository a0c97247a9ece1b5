package org.hotline.ivr.flow;

import static java.util.concurrent.CompletableFuture.completedFuture;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.hotline.domain.config.LineConfig;
import org.hotline.ivr.agi.AgiCommand;
import org.hotline.ivr.agi.AgiReply;
import org.hotline.ivr.agi.AgiSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays the line's prompts so that a sound file Asterisk does not have never ends the call: the
 * prompt falls back to its core sound ({@link HotlinePrompts#CORE}), and when that is missing
 * too, to nothing, and the call goes on. What Asterisk 22 answers (pinned by
 * {@code AgiRepliesIT}, written up in {@code ivr/AGI-CONTRACT.md}, "Replies the flow relies on"):
 * <ul>
 *   <li>{@code EXEC Playback} answers {@code 200 result=0} for a missing file and sets
 *       {@code PLAYBACKSTATUS=FAILED}; so a prompt is {@code EXEC Playback} and then
 *       {@code GET VARIABLE PLAYBACKSTATUS} ({@code STREAM FILE} answers {@code 200 result=-1}
 *       for a missing file, like a hangup, and leaves {@code AGISTATUS=FAILURE});</li>
 *   <li>{@code GET DATA} with a missing file answers {@code 200 result=-1}, exactly as after a
 *       hangup; the two are told apart by the {@code HANGUP} line Asterisk sends before its next
 *       reply after a hangup, and by {@code CHANNEL STATUS}, which answers {@code 511} on a dead
 *       channel and the state ({@code 200 result=6}) on a live one.</li>
 * </ul>
 * A file found missing is remembered for the rest of the call, and reported once per call in the
 * log naming the line, the prompt and the file. Confined to one call.
 */
final class PromptPlayer {
    private static final Logger log = LoggerFactory.getLogger(PromptPlayer.class);

    private final AgiSession session;
    private final LineConfig line;
    private final Set<String> missing = new HashSet<>();

    PromptPlayer(AgiSession session, LineConfig line) {
        this.session = session;
        this.line = line;
    }

    /** Plays {@code prompt} without listening for keys; fails with {@link CallerHungUpException} on hangup. */
    CompletableFuture<Void> play(String prompt, String during) {
        return play(prompt, file(prompt), during);
    }

    private CompletableFuture<Void> play(String prompt, String file, String during) {
        if (file.isEmpty()) {
            return completedFuture(null);
        }
        return session.send(new AgiCommand.Exec("Playback", file))
                .thenCompose(reply -> {
                    if (reply.code() == 511 || session.hungUp()) {
                        throw new CallerHungUpException(during);
                    }
                    return session.send(new AgiCommand.GetVariable("PLAYBACKSTATUS"));
                })
                .thenCompose(status -> {
                    if (session.hungUp()) {
                        throw new CallerHungUpException(during);
                    }
                    boolean failed = status.resultNumber() == 1 && status.data().filter("FAILED"::equals).isPresent();
                    return failed ? play(prompt, missingNow(prompt, file), during) : completedFuture(null);
                });
    }

    /**
     * Plays {@code prompt} and collects up to {@code maxDigits} keys with {@code GET DATA}; when
     * the prompt's file is missing the question is asked again with the core sound, or silently.
     */
    CompletableFuture<KeyEntry> keys(String prompt, int timeoutMillis, int maxDigits) {
        return keys(prompt, file(prompt), timeoutMillis, maxDigits);
    }

    private CompletableFuture<KeyEntry> keys(String prompt, String file, int timeoutMillis, int maxDigits) {
        return session.send(new AgiCommand.GetData(file, timeoutMillis, maxDigits)).thenCompose(reply -> {
            KeyEntry entry = KeyEntry.of(reply);
            if (entry.kind() != KeyEntry.Kind.FAILED) {
                return completedFuture(entry);
            }
            if (session.hungUp() || file.isEmpty()) {
                return completedFuture(KeyEntry.hungUp());
            }
            return session.send(new AgiCommand.ChannelStatus()).thenCompose(status -> {
                if (gone(status)) {
                    return completedFuture(KeyEntry.hungUp());
                }
                return keys(prompt, missingNow(prompt, file), timeoutMillis, maxDigits);
            });
        });
    }

    private boolean gone(AgiReply channelStatus) {
        return session.hungUp() || channelStatus.code() == 511 || channelStatus.resultNumber() < 0;
    }

    /** The file to play for {@code prompt}: the line's recording, else the core sound, skipping files known missing. */
    private String file(String prompt) {
        String file = HotlinePrompts.file(line, prompt);
        return missing.contains(file) ? next(prompt, file) : file;
    }

    /** Notes {@code file} as missing; returns what to play instead (empty: nothing). */
    private String missingNow(String prompt, String file) {
        String instead = next(prompt, file);
        if (missing.add(file)) {
            log.warn("line {}: prompt '{}' names the sound file '{}', which Asterisk does not have on channel {}; {}",
                    line == null ? "?" : line.id(), prompt, file, session.request().channel(),
                    instead.isEmpty() ? "the step goes on without a prompt" : "the core sound '" + instead + "' plays instead");
        }
        return instead;
    }

    private String next(String prompt, String failed) {
        String core = HotlinePrompts.file(null, prompt);
        return Optional.of(core).filter(c -> !c.equals(failed) && !missing.contains(c)).orElse("");
    }
}
