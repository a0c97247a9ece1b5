package org.hotline.ivr.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Pins what the real Asterisk 22 answers to the AGI commands whose replies the hotline flow
 * interprets when a sound file or a directory is missing, and after a hangup
 * ({@code ivr/AGI-CONTRACT.md}, "Replies the flow relies on"). A bare {@link ScriptedAgiServer}
 * sends raw command lines through the production dialplan; no hotline code is involved. The
 * last command of each script sets {@code HOTLINE_STATUS=OK}: when it is acknowledged the
 * session was still alive after the failure, and the dialplan hangs up without falling back.
 */
class AgiRepliesIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String OK = "SET VARIABLE HOTLINE_STATUS OK";

    @RegisterExtension
    static final AsteriskHarness asterisk = new AsteriskHarness();
    private static ScriptedAgiServer agi;

    @BeforeAll
    static void start() throws Exception {
        agi = new ScriptedAgiServer();
    }

    @AfterAll
    static void stop() throws Exception {
        if (agi != null) {
            agi.close();
        }
    }

    /** Runs {@code commands} on one call; the caller hangs up once the script ended. */
    private ScriptedAgiServer.Session run(String... commands) throws Exception {
        asterisk.useAgiPort(agi.port());
        agi.next(commands);
        TestCall call = asterisk.call("4008001234", "13900000001", "Probe");
        ScriptedAgiServer.Session session = agi.session(WAIT);
        call.hangup();
        call.awaitEnd(WAIT);
        assertThat(call.events()).as("the session stayed usable: no dialplan fallback")
                .noneMatch(m -> m.isEvent("UserEvent") && "HotlineFallback".equals(m.get("UserEvent")));
        return session;
    }

    @Test
    void streamFileOfAMissingFileAnswersMinusOneButTheSessionGoesOn() throws Exception {
        var s = run("ANSWER", "STREAM FILE hotline/absent \"\"", OK);

        assertThat(s.replyTo(1)).isEqualTo("200 result=-1 endpos=0");
        assertThat(s.sawHangup()).isFalse();
        assertThat(s.replyTo(2)).isEqualTo("200 result=1");
    }

    @Test
    void getDataOfAMissingFileAnswersMinusOneAndChannelStatusSaysTheChannelIsUp() throws Exception {
        var s = run("ANSWER", "GET DATA hotline/absent 1000 1", "CHANNEL STATUS", "GET DATA \"\" 1000 1", OK);

        assertThat(s.replyTo(1)).isEqualTo("200 result=-1");
        assertThat(s.replyTo(2)).isEqualTo("200 result=6");
        assertThat(s.replyTo(3)).as("GET DATA without a prompt still reads keys").isEqualTo("200 result= (timeout)");
        assertThat(s.sawHangup()).isFalse();
    }

    @Test
    void playbackOfAMissingFileSucceedsAndSetsPlaybackStatusFailed() throws Exception {
        var s = run("ANSWER", "EXEC Playback hotline/absent", "GET VARIABLE PLAYBACKSTATUS",
                "EXEC Playback beep", "GET VARIABLE PLAYBACKSTATUS", OK);

        assertThat(s.replyTo(1)).isEqualTo("200 result=0");
        assertThat(s.replyTo(2)).isEqualTo("200 result=1 (FAILED)");
        assertThat(s.replyTo(4)).isEqualTo("200 result=1 (SUCCESS)");
    }

    @Test
    void recordFileIntoAMissingDirectoryAnswersWritefileAndTheSessionGoesOn() throws Exception {
        String missing = asterisk.recordingsDirInChroot() + "/absent-dir/x";
        var s = run("ANSWER", "RECORD FILE " + missing + " wav \"#\" 2000 BEEP s=1", "GET FULL VARIABLE ${ASTSPOOLDIR}", OK);

        assertThat(s.replyTo(1)).isEqualTo("200 result=-1 (writefile)");
        assertThat(s.replyTo(2)).isEqualTo("200 result=1 (" + asterisk.runDirInChroot() + "/spool)");
    }

    @Test
    void theRecordApplicationCreatesAMissingDirectoryAndReportsErrorWhenItCannot() throws Exception {
        String fresh = asterisk.runDirInChroot() + "/spool/hotline-messages/probe.wav";
        var s = run("ANSWER", "EXEC Record \"" + fresh + ",1,2,k\"", "GET VARIABLE RECORD_STATUS",
                "EXEC Record \"/etc/hostname/sub/x.wav,1,2,k\"", "GET VARIABLE RECORD_STATUS", OK);

        assertThat(s.replyTo(1)).isEqualTo("200 result=0");
        assertThat(s.replyTo(2)).isIn("200 result=1 (SILENCE)", "200 result=1 (TIMEOUT)");
        assertThat(asterisk.spoolDir().resolve("hotline-messages/probe.wav")).exists();
        assertThat(s.replyTo(4)).isEqualTo("200 result=1 (ERROR)");
    }

    @Test
    void aHangupDuringGetDataAlsoAnswersMinusOneThenHangupAndChannelStatus511() throws Exception {
        asterisk.useAgiPort(agi.port());
        agi.next("ANSWER", "GET DATA beep 20000 1", "CHANNEL STATUS", "EXEC Playback beep", "GET VARIABLE PLAYBACKSTATUS");
        TestCall call = asterisk.call("4008001234", "13900000001", "Probe");
        call.awaitPrompt();
        call.hangup();
        var s = agi.session(WAIT);

        assertThat(s.replyTo(1)).isEqualTo("200 result=-1");
        assertThat(s.lines()).containsSubsequence("> CHANNEL STATUS", "< HANGUP",
                "< 511 Command Not Permitted on a dead channel or intercept routine");
        assertThat(s.replyTo(3)).as("Playback on a dead channel").isEqualTo("200 result=0");
        assertThat(s.replyTo(4)).isEqualTo("200 result=1 (FAILED)");
    }
}
