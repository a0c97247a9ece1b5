package org.hotline.ivr.cdr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hotline.ivr.cdr.Cdr.hotline;
import static org.hotline.ivr.cdr.Cdr.other;
import static org.hotline.ivr.cdr.Cdr.withCaller;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.hotline.domain.store.CallDetailRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class RecordedCallTest {
    private static final String L = "hl-caller-1";

    static Stream<Arguments> outcomes() {
        return Stream.of(
                Arguments.of("queue member answered", List.of(
                        other(L, 0, "Local/4008001234@hotline-from-trunk-00000000;1", "Wait", "ANSWERED"),
                        hotline(L, 1, "Queue", "hotline-complaints,,,,8", "Local/1001@hotline-test-phones-00000001;1", "ANSWERED"),
                        other(L, 3, "Local/1001@hotline-test-phones-00000001;2", "Hangup", "ANSWERED")),
                        new FallbackOutcome.AnsweredAt("Local/1001@hotline-test-phones")),
                Arguments.of("PJSIP agent answered in the queue", List.of(
                        hotline(L, 1, "Queue", "hotline-complaints", "PJSIP/1002-0000002a", "ANSWERED")),
                        new FallbackOutcome.AnsweredAt("PJSIP/1002")),
                Arguments.of("duty phone dialled through the trunk answered: the dial string, not the trunk channel", List.of(
                        hotline(L, 1, "Dial", "PJSIP/13800000001@trunk,25", "PJSIP/trunk-00000005", "ANSWERED")),
                        new FallbackOutcome.AnsweredAt("PJSIP/13800000001@trunk")),
                Arguments.of("several dial targets: the channel that answered", List.of(
                        hotline(L, 1, "Dial", "PJSIP/1001&PJSIP/1002,20", "PJSIP/1002-00000003", "ANSWERED")),
                        new FallbackOutcome.AnsweredAt("PJSIP/1002")),
                Arguments.of("duty busy, then voicemail", List.of(
                        hotline(L, 5, "Dial", "Local/duty@hotline-test-phones,4", "Local/duty@hotline-test-phones-00000003;1", "BUSY"),
                        hotline(L, 8, "VoiceMail", "service@hotline,u", "", "ANSWERED"),
                        other(L, 7, "Local/duty@hotline-test-phones-00000003;2", "Busy", "BUSY")),
                        new FallbackOutcome.Voicemail("service@hotline")),
                Arguments.of("queue timed out, duty rang out, caller hung up before voicemail", List.of(
                        hotline(L, 1, "Queue", "hotline-complaints,,,,8", "", "ANSWERED"),
                        hotline(L, 2, "Dial", "Local/duty@hotline-test-phones,4", "Local/duty@hotline-test-phones-00000004;1", "NO ANSWER")),
                        new FallbackOutcome.Nobody()),
                Arguments.of("the caller hung up in the service's menu", List.of(
                        hotline(L, 1, "AGI", "agi://127.0.0.1:4573/hotline,4008001234", "", "ANSWERED")),
                        new FallbackOutcome.Nobody()),
                Arguments.of("answered first, voicemail later: answered (the first by sequence)", List.of(
                        hotline(L, 3, "VoiceMail", "complaints@hotline,u", "", "ANSWERED"),
                        hotline(L, 2, "Queue", "hotline-complaints", "PJSIP/1001-00000001", "ANSWERED")),
                        new FallbackOutcome.AnsweredAt("PJSIP/1001")),
                Arguments.of("a phone leg answering does not count: only the hotline leg's records", List.of(
                        hotline(L, 1, "Dial", "Local/duty@hotline-test-phones,4", "Local/duty@hotline-test-phones-0000000a;1", "NO ANSWER"),
                        other(L, 2, "Local/duty@hotline-test-phones-0000000a;2", "Hangup", "ANSWERED")),
                        new FallbackOutcome.Nobody()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outcomes")
    void whatTheDialplanDid(String name, List<CallDetailRecord> records, FallbackOutcome expected) {
        assertThat(RecordedCall.of(records).outcome()).isEqualTo(expected);
    }

    static Stream<Arguments> callerIds() {
        return Stream.of(
                Arguments.of("13900000001", "\"Zhang San\" <13900000001>", Optional.of("13900000001"), Optional.of("Zhang San")),
                Arguments.of("+8613900000001", "\"\" <+8613900000001>", Optional.of("+8613900000001"), Optional.empty()),
                Arguments.of("", "", Optional.empty(), Optional.empty()),
                Arguments.of("anonymous", "\"Anonymous\" <anonymous>", Optional.empty(), Optional.of("Anonymous")),
                Arguments.of("139';DROP TABLE tickets;--", "\"x\" <139'>", Optional.empty(), Optional.of("x")),
                Arguments.of("12", "12", Optional.empty(), Optional.empty()),
                Arguments.of("123456789012345678901", "", Optional.empty(), Optional.empty()));
    }

    @ParameterizedTest(name = "caller ID {0}")
    @MethodSource("callerIds")
    void theCallerIdIsANumberOrNothing(String src, String clid, Optional<String> number, Optional<String> name) {
        RecordedCall call = RecordedCall.of(List.of(withCaller(hotline(L, 1, "Queue", "q", "", "ANSWERED"), src, clid)));
        assertThat(call.callerNumber()).isEqualTo(number);
        assertThat(call.callerIdAsReceived()).isEqualTo(src);
        assertThat(call.callerName()).isEqualTo(name);
    }

    @Test
    void theCallIsTheHotlineLegsEarliestStartAndItsNumber() {
        RecordedCall call = RecordedCall.of(List.of(other(L, 0, "Local/x;1", "Wait", "ANSWERED"),
                hotline(L, 4, "VoiceMail", "complaints@hotline,u", "", "ANSWERED"),
                hotline(L, 2, "Dial", "Local/duty@p,4", "Local/duty@p-00000001;1", "BUSY")));
        assertThat(call.at()).isEqualTo(Cdr.T0.plusSeconds(2));
        assertThat(call.dialled()).isEqualTo("4008001234");
        assertThat(call.linkedid()).isEqualTo(L);
        assertThat(call.uniqueid()).isEqualTo("ivr-" + L);
        assertThat(call.outcomeWord()).isEqualTo("voicemail");
    }

    @Test
    void recordsWithoutTheHotlineDialplanOrOfTwoCallsAreRefused() {
        assertThatThrownBy(() -> RecordedCall.of(List.of(other(L, 0, "Local/x;1", "Wait", "ANSWERED"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hotline_dialled");
        assertThatThrownBy(() -> RecordedCall.of(List.of(hotline(L, 1, "Queue", "q", "", "ANSWERED"),
                hotline("other", 2, "Queue", "q", "", "ANSWERED"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("several calls");
    }
}
