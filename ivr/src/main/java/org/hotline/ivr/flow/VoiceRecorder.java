package org.hotline.ivr.flow;

import static java.util.concurrent.CompletableFuture.completedFuture;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.hotline.domain.ticket.CallOutcome;
import org.hotline.ivr.agi.AgiCommand;
import org.hotline.ivr.agi.AgiReply;
import org.hotline.ivr.agi.AgiSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the caller's voice message, and keeps it another way when it cannot be written where
 * the flow wants it; never ends the call for that reason.
 * <ol>
 *   <li>{@code RECORD FILE} (beep, up to the configured length, ends on {@code #} or 5 s of
 *       silence) into {@code <recordingDirectory>/<ticket number>.wav}. A message cut short by a
 *       hangup is kept when it holds any audio ({@code endpos > 0}).</li>
 *   <li>When Asterisk cannot create that file (the directory is missing or not writable: it
 *       answers {@code 200 result=-1 (writefile)} and records nothing), the message is recorded
 *       with {@code EXEC Record} into {@code ${ASTSPOOLDIR}/hotline-messages/<ticket>.wav}:
 *       Asterisk's own spool directory always exists and is writable by Asterisk, and the
 *       Record application creates the sub-directory. Kept as
 *       {@link CallOutcome.Voicemail#KEPT_IN_FALLBACK_DIRECTORY}.</li>
 *   <li>When even that fails ({@code RECORD_STATUS=ERROR}), the caller is put through to the
 *       line's voicemail box ({@code EXEC VoiceMail <box>,s}); the box's message file
 *       ({@code VM_MESSAGEFILE}) is the reference. Kept as
 *       {@link CallOutcome.Voicemail#KEPT_IN_VOICEMAIL_BOX}.</li>
 * </ol>
 * The reference (and how it was kept) goes into the call record; a hangup is then reported
 * with {@link CallerHungUpException}. Confined to one call.
 */
final class VoiceRecorder {
    /** Sub-directory of Asterisk's spool directory for messages the recording directory could not take. */
    static final String FALLBACK_SUBDIRECTORY = "hotline-messages";
    private static final Logger log = LoggerFactory.getLogger(VoiceRecorder.class);
    private static final Set<String> RECORDED = Set.of("DTMF", "SILENCE", "TIMEOUT", "HANGUP");

    private final AgiSession session;
    private final HotlineFlowConfig config;
    private final CallRecord record;
    private final String stem;
    private final String voicemailBox;

    /** The caller's voice message of {@code record}'s ticket, falling back to the line's voicemail box. */
    VoiceRecorder(AgiSession session, HotlineFlowConfig config, CallRecord record) {
        this(session, config, record, record.ticket.number(), record.line.voicemail());
    }

    /**
     * A recording named after {@code name} (e.g. a survey comment), kept in {@code record} like a
     * voice message; {@code voicemailBox} {@code null} when nothing is left to fall back on after
     * the spool directory.
     */
    VoiceRecorder(AgiSession session, HotlineFlowConfig config, CallRecord record, String name, String voicemailBox) {
        this.session = session;
        this.config = config;
        this.record = record;
        this.stem = name.replaceAll("[^A-Za-z0-9_-]", "_");
        this.voicemailBox = voicemailBox;
    }

    /** Records; completes with the reference (also kept in the call record) or empty when silent. */
    CompletableFuture<Optional<String>> record(String during) {
        String file = config.recordingDirectory() + "/" + fileName();
        var command = new AgiCommand.RecordFile(file, "wav", "#", config.maxMessageSeconds() * 1000, true, 5);
        return session.send(command).thenCompose(reply -> {
            if (reply.isSuccess() && "-1".equals(reply.result()) && reply.data().filter("writefile"::equals).isPresent()
                    && !session.hungUp()) {
                log.warn("ticket {}: Asterisk cannot write {}.wav (is the recording directory '{}' missing or not "
                        + "writable by Asterisk?); recording under its spool directory instead",
                        stem, file, config.recordingDirectory());
                return fallbackDirectory(during);
            }
            boolean audio = reply.endpos().orElse(0L) > 0;
            if (audio) {
                keep(file + ".wav", null);
            }
            if (reply.channelGone() || session.hungUp()) {
                throw new CallerHungUpException(during);
            }
            return completedFuture(Optional.ofNullable(audio ? record.message : null));
        });
    }

    private CompletableFuture<Optional<String>> fallbackDirectory(String during) {
        return session.send(new AgiCommand.GetFullVariable("ASTSPOOLDIR")).thenCompose(spool -> {
            String dir = spool.resultNumber() == 1 ? spool.data().orElse("") : "";
            if (!HotlineFlowConfig.plainPath(dir) || !dir.startsWith("/")) {
                log.warn("ticket {}: Asterisk's spool directory is unknown ({}); the line's voicemail box takes the message",
                        stem, spool);
                return voicemailBox(during);
            }
            String file = dir + "/" + FALLBACK_SUBDIRECTORY + "/" + fileName() + ".wav";
            String options = "k"; // keep the recording when the caller hangs up to end it
            return session.send(new AgiCommand.Exec("Record", file, "5", Integer.toString(config.maxMessageSeconds()),
                            options))
                    .thenCompose(reply -> variable("RECORD_STATUS").thenCompose(status -> {
                        if (RECORDED.contains(status)) {
                            keep(file, CallOutcome.Voicemail.KEPT_IN_FALLBACK_DIRECTORY);
                            return finish(reply, during);
                        }
                        if (session.hungUp() || reply.code() == 511) {
                            throw new CallerHungUpException(during);
                        }
                        log.warn("ticket {}: recording into {} failed too (RECORD_STATUS={}); the line's voicemail box "
                                + "takes the message", stem, file, status);
                        return voicemailBox(during);
                    }));
        });
    }

    private CompletableFuture<Optional<String>> voicemailBox(String during) {
        String box = voicemailBox;
        if (box == null) {
            log.warn("{}: the recording was not kept (no voicemail box to fall back on)", stem);
            if (session.hungUp()) {
                throw new CallerHungUpException(during);
            }
            return completedFuture(Optional.empty());
        }
        return session.send(new AgiCommand.Exec("VoiceMail", box, "s"))
                .thenCompose(reply -> variable("VM_MESSAGEFILE").thenCompose(message -> {
                    if (!message.isBlank()) {
                        keep(message, CallOutcome.Voicemail.KEPT_IN_VOICEMAIL_BOX);
                    } else {
                        log.warn("ticket {}: no message was left in voicemail box {}", stem, box);
                    }
                    return finish(reply, during);
                }));
    }

    private CompletableFuture<Optional<String>> finish(AgiReply reply, String during) {
        if (reply.code() == 511 || session.hungUp()) {
            throw new CallerHungUpException(during);
        }
        return completedFuture(Optional.ofNullable(record.message));
    }

    private void keep(String ref, String keptBy) {
        record.message = ref;
        record.messageKeptBy = keptBy;
    }

    private String fileName() {
        return stem;
    }

    private CompletableFuture<String> variable(String name) {
        return session.send(new AgiCommand.GetVariable(name))
                .thenApply(reply -> reply.resultNumber() == 1 ? reply.data().orElse("") : "");
    }
}
