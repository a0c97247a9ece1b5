package org.hotline.ivr.flow;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.hotline.ivr.agi.AgiCommand;
import org.hotline.ivr.agi.AgiSession;

/**
 * Records the caller's voice message with {@code RECORD FILE} (beep, up to the configured
 * length, ends on {@code #} or 5 s of silence) into
 * {@code <recordingDirectory>/<ticket number>.wav}. The reference stored on the ticket is that
 * path. A message cut short by a hangup is kept when it holds any audio ({@code endpos > 0});
 * the hangup is then reported with {@link CallerHungUpException}.
 */
final class VoiceRecorder {
    private final AgiSession session;
    private final HotlineFlowConfig config;
    private final CallRecord record;

    VoiceRecorder(AgiSession session, HotlineFlowConfig config, CallRecord record) {
        this.session = session;
        this.config = config;
        this.record = record;
    }

    /** Records; completes with the reference (also kept in the call record) or empty when silent. */
    CompletableFuture<Optional<String>> record(String during) {
        String file = config.recordingDirectory() + "/" + record.ticket.number().replaceAll("[^A-Za-z0-9_-]", "_");
        var command = new AgiCommand.RecordFile(file, "wav", "#", config.maxMessageSeconds() * 1000, true, 5);
        return session.send(command)
                .thenApply(reply -> {
                    boolean audio = reply.endpos().orElse(0L) > 0;
                    if (audio) {
                        record.message = file + ".wav";
                    }
                    if (reply.channelGone() || session.hungUp()) {
                        throw new CallerHungUpException(during);
                    }
                    return Optional.ofNullable(audio ? record.message : null);
                });
    }
}
