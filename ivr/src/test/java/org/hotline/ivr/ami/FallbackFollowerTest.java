package org.hotline.ivr.ami;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotline.domain.ticket.CallOutcome;
import org.hotline.ivr.ami.FallbackFollower.Recorded;
import org.junit.jupiter.api.Test;

/** The dialplan's fallback of one call, as AMI reports it, and what the follower records on its ticket. */
class FallbackFollowerTest {
    private static final String TICKET = "HL-2026-000042";
    private static final String CALL = "1700000000.1";
    private static final String FALLBACK_CHANNEL = "1700000000.2";
    private static final CallParties PARTIES = new CallParties(new AgentDirectory(Map.of("PJSIP/1001", "alice")),
            Map.of("13800000001", "wang"));

    private final FallbackFollower follower = new FallbackFollower(PARTIES);
    private final List<Recorded> recorded = new ArrayList<>();

    private void feed(AmiEvent... events) {
        for (AmiEvent e : events) {
            recorded.addAll(follower.on(e));
        }
    }

    private static AmiEvent.FallbackStarted start(String ticket, String action) {
        return new AmiEvent.FallbackStarted(CALL, FALLBACK_CHANNEL, ticket, "complaints", "FAILURE", "", action);
    }

    private static AmiEvent.FallbackEnded end(String member, String dialStatus, String peer, String messageFile) {
        return new AmiEvent.FallbackEnded(CALL, FALLBACK_CHANNEL, TICKET, member, dialStatus, peer, "", messageFile);
    }

    private List<CallOutcome> outcomes() {
        assertThat(recorded).allMatch(r -> r.ticket().equals(TICKET));
        return recorded.stream().map(Recorded::outcome).toList();
    }

    @Test
    void anAgentInTheQueueAnswers() {
        feed(start(TICKET, "QUEUE"),
                new AmiEvent.CallerQueued(CALL, FALLBACK_CHANNEL, "hotline-complaints", "13900000001", ""),
                new AmiEvent.Ringing(CALL, "1700000000.5", "PJSIP/1001", "hotline-complaints", "", ""),
                new AmiEvent.Answered(CALL, "1700000000.5", "PJSIP/1001"),
                new AmiEvent.Answered(CALL, "1700000000.5", "PJSIP/1001"), // DialEnd and AgentConnect both
                end("PJSIP/1001", "", "", ""),
                new AmiEvent.HungUp(CALL, FALLBACK_CHANNEL));

        assertThat(outcomes()).containsExactly(
                new CallOutcome.Interrupted("the dialplan's fallback took the call (AGISTATUS=FAILURE, "
                        + "HOTLINE_STATUS=(empty), action QUEUE)"),
                new CallOutcome.Queued("hotline-complaints"),
                new CallOutcome.Answered("alice"));
        assertThat(follower.followed()).isZero();
    }

    @Test
    void theDutyPhoneAnswersAndIsNamedByItsConfiguredNumber() {
        feed(start(TICKET, ""),
                new AmiEvent.Answered(CALL, "1700000000.7", "PJSIP/13800000001@trunk"),
                end("", "ANSWER", "PJSIP/13800000001@trunk-00000007", ""));

        assertThat(outcomes()).containsExactly(outcomes().get(0), new CallOutcome.Answered("wang"));
    }

    @Test
    void theCallersOwnLegsEnteringTheBridgeAreNoAnswer() {
        feed(start(TICKET, ""),
                new AmiEvent.Answered(CALL, CALL, "PJSIP/1001"),
                new AmiEvent.Answered(CALL, FALLBACK_CHANNEL, "PJSIP/1001"),
                end("", "NOANSWER", "", ""));

        assertThat(outcomes()).last().isEqualTo(new CallOutcome.NoAnswer());
    }

    @Test
    void aVoicemailMessageIsRecordedWithItsFileAndFlagsACallBack() {
        String file = "/var/spool/asterisk/voicemail/hotline/complaints/INBOX/msg0000";
        feed(start(TICKET, "VOICEMAIL"), end("", "NOANSWER", "", file), new AmiEvent.HungUp(CALL, FALLBACK_CHANNEL));

        assertThat(outcomes()).hasSize(2).last()
                .isEqualTo(new CallOutcome.Voicemail(file, CallOutcome.Voicemail.KEPT_IN_VOICEMAIL_BOX));
    }

    @Test
    void nobodyAndNoMessageIsNoAnswer() {
        feed(start(TICKET, ""), end("", "NOANSWER", "", ""));

        assertThat(outcomes()).last().isEqualTo(new CallOutcome.NoAnswer());
    }

    @Test
    void withoutTheEndEventTheFallbackChannelsHangupMeansNobody() {
        feed(start(TICKET, ""), new AmiEvent.HungUp(CALL, "1700000000.9"), new AmiEvent.HungUp(CALL, FALLBACK_CHANNEL));

        assertThat(outcomes()).hasSize(2).last().isEqualTo(new CallOutcome.NoAnswer());
    }

    @Test
    void anEndSeenWithoutItsStartIsStillRecorded() {
        feed(end("PJSIP/1001", "", "", ""));

        assertThat(outcomes()).containsExactly(new CallOutcome.Answered("alice"));
    }

    @Test
    void aFallbackWithoutATicketIsNotFollowed() {
        feed(start("", "QUEUE"),
                new AmiEvent.CallerQueued(CALL, FALLBACK_CHANNEL, "hotline-complaints", "", ""),
                new AmiEvent.FallbackEnded(CALL, FALLBACK_CHANNEL, "", "PJSIP/1001", "", "", "", ""));

        assertThat(recorded).isEmpty();
        assertThat(follower.followed()).isZero();
    }
}
