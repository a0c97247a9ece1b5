package org.hotline.ivr.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.hotline.ivr.e2e.AsteriskHarness.PhoneMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The production dialplan with the hotline service DOWN (nothing listens on the FastAGI port):
 * the static fallback must still put the caller through to a person, or take a message.
 */
class DialplanFallbackIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final AsteriskHarness asterisk = new AsteriskHarness();

    @Test
    void serviceDownInOfficeHoursQueuesTheCallerToAnAgentWhoAnswers() throws Exception {
        asterisk.agiDown();
        asterisk.fallbackOfficeHours(true);
        asterisk.phone("1001", PhoneMode.ANSWER);
        asterisk.phone("1002", PhoneMode.ANSWER);

        TestCall call = asterisk.call("4008001234", "13900000001", "Zhang San");

        AmiMessage fallback = call.await(m -> m.isEvent("UserEvent") && "HotlineFallback".equals(m.get("UserEvent")),
                WAIT, "the dialplan's fallback");
        assertThat(fallback.get("AgiStatus")).isEqualTo("FAILURE");
        assertThat(fallback.get("LineId")).isEqualTo("complaints");
        call.await(m -> m.isEvent("QueueCallerJoin") && "hotline-complaints".equals(m.get("Queue")), WAIT,
                "caller joins hotline-complaints");
        AmiMessage connect = call.await(m -> m.isEvent("AgentConnect"), WAIT, "an agent answers");
        assertThat(connect.get("Interface")).matches("Local/100[12]@hotline-test-phones");
        call.awaitEnd(WAIT);
    }

    @Test
    void serviceDownAfterHoursForwardsToTheDutyPhone() throws Exception {
        asterisk.agiDown();
        asterisk.fallbackOfficeHours(false);
        asterisk.phone("duty", PhoneMode.ANSWER);

        TestCall call = asterisk.call("4008001234", "13900000002", "Li Si");

        AmiMessage dial = call.await(m -> m.isEvent("DialBegin"), WAIT, "the duty phone is dialled");
        assertThat(dial.get("DestChannel")).startsWith("Local/duty@hotline-test-phones");
        AmiMessage end = call.await(m -> m.isEvent("DialEnd"), WAIT, "the duty phone's dial ends");
        assertThat(end.get("DialStatus")).isEqualTo("ANSWER");
        assertThat(call.events()).noneMatch(m -> m.isEvent("QueueCallerJoin"));
        call.awaitEnd(WAIT);
    }

    @Test
    void serviceDownAfterHoursTheTwentyFourHourLineStillQueuesToItsAgents() throws Exception {
        asterisk.agiDown();
        asterisk.fallbackOfficeHours(false); // the office is closed; the service line (hours: always) is not
        asterisk.phone("1001", PhoneMode.ANSWER);
        asterisk.phone("1002", PhoneMode.ANSWER);
        asterisk.phone("duty", PhoneMode.ANSWER);

        TestCall call = asterisk.call("4008005678", "13900000005", "Qian Ba");

        call.await(m -> m.isEvent("QueueCallerJoin") && "hotline-service".equals(m.get("Queue")), WAIT,
                "caller joins hotline-service after hours");
        AmiMessage connect = call.await(m -> m.isEvent("AgentConnect"), WAIT, "an agent answers");
        assertThat(connect.get("Interface")).matches("Local/100[12]@hotline-test-phones");
        call.awaitEnd(WAIT);
        assertThat(call.events()).noneMatch(m -> m.isEvent("DialBegin")
                && String.valueOf(m.get("DestChannel")).startsWith("Local/duty@"));
    }

    @Test
    void serviceDownAfterHoursAndDutyPhoneSilentTakesAVoicemail() throws Exception {
        asterisk.agiDown();
        asterisk.fallbackOfficeHours(false);
        asterisk.phone("duty", PhoneMode.SILENT);

        TestCall call = asterisk.call("4008001234", "13900000003", "Wang Wu");

        AmiMessage end = call.await(m -> m.isEvent("DialEnd"), WAIT, "the duty phone's dial ends");
        assertThat(end.get("DialStatus")).isEqualTo("NOANSWER");
        call.await(m -> m.isEvent("Newexten") && call.ivrId().equals(m.get("Uniqueid"))
                && "VoiceMail".equals(m.get("Application")), WAIT, "voicemail starts");
        // the greeting plays (about 8 s), then the caller speaks after the beep
        E2eWaits.grownBeyond(asterisk.spoolDir().resolve("voicemail/hotline/complaints/tmp"), 8_000, WAIT);
        call.hangup();
        call.awaitEnd(WAIT);
        // MessageWaiting also reports the box's state (New: 0) when the caller reaches it: wait for the message.
        AmiMessage vm = asterisk.ami().await(0, m -> m.isEvent("MessageWaiting")
                && m.get("Mailbox").startsWith("complaints@hotline") && !"0".equals(m.get("New")), WAIT,
                "a new message in complaints@hotline");
        assertThat(Integer.parseInt(vm.get("New"))).isPositive();
        assertThat(asterisk.voicemailMessages("complaints", "hotline")).isNotEmpty();
    }
}
