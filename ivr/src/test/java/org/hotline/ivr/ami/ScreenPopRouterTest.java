package org.hotline.ivr.ami;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.ivr.ami.AmiEvent.Answered;
import org.hotline.ivr.ami.AmiEvent.CallTagged;
import org.hotline.ivr.ami.AmiEvent.CallerQueued;
import org.hotline.ivr.ami.AmiEvent.HungUp;
import org.hotline.ivr.ami.AmiEvent.LiveChannel;
import org.hotline.ivr.ami.AmiEvent.NotAnswered;
import org.hotline.ivr.ami.AmiEvent.Ringing;
import org.hotline.ivr.ami.AmiEvent.Snapshot;
import org.hotline.ivr.ami.ScreenPop.State;
import org.junit.jupiter.api.Test;

class ScreenPopRouterTest {
    private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
    private static final String CALL = "1700000000.1";
    private static final String ALICE_LEG = "1700000000.7";
    private static final String BOB_LEG = "1700000000.8";

    private final ScreenPopRouter router = new ScreenPopRouter(
            new AgentDirectory(Map.of("PJSIP/1001", "alice", "PJSIP/1002", "bob")), Clock.fixed(NOW, ZoneOffset.UTC));

    private List<ScreenPop> feed(AmiEvent... events) {
        List<ScreenPop> out = new ArrayList<>();
        for (AmiEvent e : events) {
            out.addAll(router.on(e));
        }
        return out;
    }

    private static Ringing ringAlice() {
        return new Ringing(CALL, ALICE_LEG, "PJSIP/1001", "hotline-complaints", "13900000001", "Zhang San");
    }

    @Test
    void aQueuedCallPopsOnTheRingingAgentsScreenWithTheTicketThenAnswerThenEnd() {
        List<ScreenPop> pops = feed(
                new CallTagged(CALL, CALL, "C-2026-0001", "complaints"),
                new CallerQueued(CALL, CALL, "hotline-complaints", "13900000001", "Zhang San"),
                ringAlice(),
                new Answered(CALL, ALICE_LEG, "PJSIP/1001"),
                new HungUp(CALL, ALICE_LEG));

        assertThat(pops).extracting(ScreenPop::state).containsExactly(State.RINGING, State.ANSWERED, State.ENDED);
        ScreenPop ring = pops.get(0);
        assertThat(ring.agent()).isEqualTo("alice");
        assertThat(ring.ticket()).contains("C-2026-0001");
        assertThat(ring.callerNumber()).isEqualTo("13900000001");
        assertThat(ring.callerName()).isEqualTo("Zhang San");
        assertThat(ring.line()).contains("complaints");
        assertThat(ring.queue()).contains("hotline-complaints");
        assertThat(ring.at()).isEqualTo(NOW);
    }

    @Test
    void ringallPopsEveryRingingAgentAndTheOneWhoDidNotAnswerSeesMissed() {
        List<ScreenPop> pops = feed(
                new CallTagged(CALL, CALL, "T1", "service"),
                ringAlice(),
                new Ringing(CALL, BOB_LEG, "PJSIP/1002", "hotline-service", "", ""),
                new Answered(CALL, BOB_LEG, "PJSIP/1002"),
                new HungUp(CALL, ALICE_LEG),
                new HungUp(CALL, BOB_LEG));

        assertThat(pops).extracting(p -> p.agent() + ":" + p.state())
                .containsExactly("alice:RINGING", "bob:RINGING", "bob:ANSWERED", "alice:MISSED", "bob:ENDED");
    }

    @Test
    void duplicatedEventsPublishNothingTwice() {
        List<ScreenPop> once = feed(new CallTagged(CALL, CALL, "T1", "complaints"), ringAlice(),
                new Answered(CALL, ALICE_LEG, "PJSIP/1001"), new HungUp(CALL, ALICE_LEG));
        ScreenPopRouter again = new ScreenPopRouter(new AgentDirectory(Map.of("PJSIP/1001", "alice")),
                Clock.fixed(NOW, ZoneOffset.UTC));
        List<ScreenPop> twice = new ArrayList<>();
        for (AmiEvent e : List.of(new CallTagged(CALL, CALL, "T1", "complaints"), ringAlice(),
                new Answered(CALL, ALICE_LEG, "PJSIP/1001"), new HungUp(CALL, ALICE_LEG))) {
            twice.addAll(again.on(e));
            twice.addAll(again.on(e));
        }
        assertThat(twice).isEqualTo(once);
    }

    @Test
    void aTicketLearnedAfterRingingRepublishesThePopWithIt() {
        List<ScreenPop> pops = feed(ringAlice(), new CallTagged(CALL, CALL, "T9", "complaints"));

        assertThat(pops).hasSize(2);
        assertThat(pops.get(0).ticket()).isEmpty();
        assertThat(pops.get(1).state()).isEqualTo(State.RINGING);
        assertThat(pops.get(1).ticket()).contains("T9");
    }

    @Test
    void outOfOrderEventsNeverMoveAPopBackwards() {
        List<ScreenPop> pops = feed(
                new Answered(CALL, ALICE_LEG, "PJSIP/1001"), // answer seen before the ringing
                ringAlice(),                                  // late: ignored
                new NotAnswered(CALL, ALICE_LEG, "PJSIP/1001"), // late DialEnd: ignored
                new HungUp(CALL, ALICE_LEG),
                new Answered(CALL, ALICE_LEG, "PJSIP/1001"));  // after the end: ignored

        assertThat(pops).extracting(ScreenPop::state).containsExactly(State.ANSWERED, State.ENDED);
    }

    @Test
    void aPhoneThatStopsRingingIsMissedOnceEvenWhenItsHangupFollows() {
        List<ScreenPop> pops = feed(ringAlice(), new NotAnswered(CALL, ALICE_LEG, "PJSIP/1001"), new HungUp(CALL, ALICE_LEG));

        assertThat(pops).extracting(ScreenPop::state).containsExactly(State.RINGING, State.MISSED);
    }

    @Test
    void phonesThatAreNoAgentsDeviceGetNoPop() {
        assertThat(feed(new Ringing(CALL, "x.1", "PJSIP/13800000001@trunk", "", "1390", ""),
                new Ringing(CALL, "x.2", "PJSIP/1003", "q", "", ""))).isEmpty();
    }

    @Test
    void whenTheCallerHangsUpEveryStillRingingPhoneIsMissedAndLateEventsAreIgnored() {
        List<ScreenPop> pops = feed(ringAlice(), new HungUp(CALL, CALL), new Ringing(CALL, BOB_LEG, "PJSIP/1002", "q", "", ""));

        assertThat(pops).extracting(p -> p.agent() + ":" + p.state()).containsExactly("alice:RINGING", "alice:MISSED");
        assertThat(router.activeCalls()).isZero();
    }

    @Test
    void aSnapshotAfterReconnectEndsWhatDiedMeanwhileAndPopsWhatRangMeanwhile() {
        feed(ringAlice());
        String other = "1700000001.1";
        List<ScreenPop> pops = feed(new Snapshot(List.of(
                new LiveChannel(other, other, "PJSIP/trunk-00000010", true, "13700000000", "Caller", "T77"),
                new LiveChannel(other, "1700000001.5", "PJSIP/1002-00000011", false, "1002", "Agent", ""))));

        assertThat(pops).extracting(p -> p.agent() + ":" + p.state() + ":" + p.ticket().orElse("-"))
                .containsExactly("alice:MISSED:-", "bob:RINGING:T77");
        assertThat(pops.get(1).callerNumber()).isEqualTo("13700000000");
        assertThat(router.activeCalls()).isEqualTo(1);
    }

    @Test
    void aSnapshotSeeingAnAnsweredLegMovesItsPopToAnswered() {
        feed(new CallTagged(CALL, CALL, "T1", "complaints"), ringAlice());
        List<ScreenPop> pops = feed(new Snapshot(List.of(
                new LiveChannel(CALL, CALL, "PJSIP/trunk-1", true, "13900000001", "", "T1"),
                new LiveChannel(CALL, ALICE_LEG, "PJSIP/1001-2", true, "", "", ""))));

        assertThat(pops).extracting(ScreenPop::state).containsExactly(State.ANSWERED);
        assertThat(feed(new Snapshot(List.of(new LiveChannel(CALL, CALL, "PJSIP/trunk-1", true, "", "", "T1"),
                new LiveChannel(CALL, ALICE_LEG, "PJSIP/1001-2", true, "", "", ""))))).isEmpty();
    }

    @Test
    void theSameTicketTaggedTwiceRepublishesNothing() {
        feed(ringAlice(), new CallTagged(CALL, CALL, "T1", "complaints"));
        assertThat(feed(new CallTagged(CALL, CALL, "T1", "complaints"))).isEmpty();
        assertThat(feed(new CallTagged(CALL, CALL, "T1", "complaints")).stream().map(ScreenPop::ticket))
                .doesNotContain(Optional.empty());
    }
}
