package org.hotline.ivr.agi;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Feeds AGI transcripts, whole and split at every byte, into the decoder. */
class AgiDecoderTest {

    private static final String ENVIRONMENT = """
            agi_network: yes
            agi_network_script: hotline?x=1
            agi_request: agi://127.0.0.1/hotline?x=1
            agi_channel: PJSIP/trunk-00000012
            agi_uniqueid: 1732456789.42
            agi_callerid: 13912345678
            agi_dnid: 4008001234
            agi_arg_1: 4008001234

            """;

    private static List<Object> decodeWhole(String transcript) {
        EmbeddedChannel channel = new EmbeddedChannel(new AgiDecoder());
        channel.writeInbound(Unpooled.copiedBuffer(transcript, StandardCharsets.UTF_8));
        return drain(channel);
    }

    private static List<Object> decodeSplit(String transcript, int chunk) {
        EmbeddedChannel channel = new EmbeddedChannel(new AgiDecoder());
        byte[] bytes = transcript.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i += chunk) {
            channel.writeInbound(Unpooled.wrappedBuffer(bytes, i, Math.min(chunk, bytes.length - i)));
        }
        return drain(channel);
    }

    private static List<Object> drain(EmbeddedChannel channel) {
        List<Object> out = new ArrayList<>();
        Object message;
        while ((message = channel.readInbound()) != null) {
            out.add(message);
        }
        return out;
    }

    @Test
    void environmentBlockBecomesOneRequest() {
        List<Object> out = decodeWhole(ENVIRONMENT);
        assertThat(out).hasSize(1);
        AgiRequest request = (AgiRequest) out.get(0);
        assertThat(request.flowName()).isEqualTo("hotline");
        assertThat(request.uniqueId()).isEqualTo("1732456789.42");
        assertThat(request.callerId()).contains("13912345678");
        assertThat(request.dialledNumber()).isEqualTo("4008001234");
        assertThat(request.channel()).isEqualTo("PJSIP/trunk-00000012");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 64})
    void everyReplyFormDecodesTheSameWhenSplit(int chunk) {
        String transcript = ENVIRONMENT
                + "200 result=0\n"
                + "200 result=49 endpos=12345\n"
                + "200 result= (timeout)\n"
                + "200 result=1 (value with (parens) and spaces)\n"
                + "200 result=0 (timeout) endpos=8000\n"
                + "200 result=-1\n"
                + "510 Invalid or unknown command\n"
                + "511 Command Not Permitted on a dead channel or intercept routine\n"
                + "520 Invalid command syntax.  Proper usage not available.\n"
                + "520-Invalid command syntax.  Proper usage follows:\n"
                + " Usage: GET DATA <file to be streamed> [timeout] [maxdigits]\n"
                + "520 End of proper usage.\n"
                + "200 result=123\r\n";
        List<Object> whole = decodeWhole(transcript);
        assertThat(decodeSplit(transcript, chunk)).isEqualTo(whole);
        assertThat(whole).hasSize(12);
        List<AgiReply> replies = whole.subList(1, 12).stream().map(AgiReply.class::cast).toList();

        assertThat(replies.get(0).resultNumber()).isZero();
        assertThat(replies.get(1).key()).contains('1');
        assertThat(replies.get(1).endpos()).contains(12345L);
        assertThat(replies.get(2).result()).isEmpty();
        assertThat(replies.get(2).data()).contains("timeout");
        assertThat(replies.get(3).data()).contains("value with (parens) and spaces");
        assertThat(replies.get(4).data()).contains("timeout");
        assertThat(replies.get(4).endpos()).contains(8000L);
        assertThat(replies.get(5).channelGone()).isTrue();
        assertThat(replies.get(6).code()).isEqualTo(510);
        assertThat(replies.get(7).code()).isEqualTo(511);
        assertThat(replies.get(7).channelGone()).isTrue();
        assertThat(replies.get(8).code()).isEqualTo(520);
        assertThat(replies.get(9).code()).isEqualTo(520);
        assertThat(replies.get(9).text()).contains("Usage: GET DATA").endsWith("End of proper usage.");
        assertThat(replies.get(9).data()).isEqualTo(Optional.empty());
        assertThat(replies.get(10).result()).isEqualTo("123");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 1000})
    void hangupArrivesAnywhere(int chunk) {
        String transcript = "agi_network: yes\nHANGUP\nagi_network_script: hotline\n\n"
                + "HANGUP\n200 result=-1\n"
                + "520-Invalid command syntax.\nHANGUP\n520 End of proper usage.\n"
                + "511 Command Not Permitted on a dead channel or intercept routine\n";
        List<Object> out = decodeSplit(transcript, chunk);
        assertThat(out).hasSize(7);
        assertThat(out.get(0)).isEqualTo(AgiHangup.INSTANCE);
        assertThat(((AgiRequest) out.get(1)).flowName()).isEqualTo("hotline");
        assertThat(out.get(2)).isEqualTo(AgiHangup.INSTANCE);
        assertThat(((AgiReply) out.get(3)).channelGone()).isTrue();
        assertThat(out.get(4)).isEqualTo(AgiHangup.INSTANCE);
        assertThat(((AgiReply) out.get(5)).text()).isEqualTo("Invalid command syntax.\nEnd of proper usage.");
        assertThat(((AgiReply) out.get(6)).code()).isEqualTo(511);
    }

    @Test
    void partialLineWaitsForItsEnd() {
        EmbeddedChannel channel = new EmbeddedChannel(new AgiDecoder());
        channel.writeInbound(Unpooled.copiedBuffer(ENVIRONMENT + "200 res", StandardCharsets.UTF_8));
        assertThat(drain(channel)).hasSize(1);
        channel.writeInbound(Unpooled.copiedBuffer("ult=5", StandardCharsets.UTF_8));
        assertThat(drain(channel)).isEmpty();
        channel.writeInbound(Unpooled.copiedBuffer("3\n", StandardCharsets.UTF_8));
        assertThat(drain(channel)).singleElement().extracting(r -> ((AgiReply) r).result()).isEqualTo("53");
    }

    @Test
    void garbageBecomesProtocolErrors() {
        List<Object> out = decodeWhole("agi_network: yes\nnot an environment line\n\n"
                + "hello\n200 oops\n200 result=1 (unclosed\n200 result=1 endpos=x\n999 what\n200 result=7\n");
        assertThat(out).hasSize(8);
        assertThat(out.get(0)).isInstanceOf(AgiProtocolError.class);
        assertThat(out.get(1)).isInstanceOf(AgiRequest.class);
        assertThat(out.subList(2, 7)).allMatch(AgiProtocolError.class::isInstance);
        assertThat(((AgiReply) out.get(7)).result()).isEqualTo("7");
    }

    @Test
    void overlongLineIsReportedOnceAndSkipped() {
        EmbeddedChannel channel = new EmbeddedChannel(new AgiDecoder());
        channel.writeInbound(Unpooled.copiedBuffer(ENVIRONMENT, StandardCharsets.UTF_8));
        drain(channel);
        String junk = "x".repeat(AgiDecoder.MAX_LINE + 10);
        channel.writeInbound(Unpooled.copiedBuffer(junk, StandardCharsets.UTF_8));
        channel.writeInbound(Unpooled.copiedBuffer(junk + "\n200 result=1\n", StandardCharsets.UTF_8));
        List<Object> out = drain(channel);
        assertThat(out).hasSize(2);
        assertThat(out.get(0)).isInstanceOf(AgiProtocolError.class);
        assertThat(((AgiReply) out.get(1)).result()).isEqualTo("1");
    }
}
