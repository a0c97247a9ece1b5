package org.hotline.ivr.agi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AgiCommandTest {

    @Test
    void rendersEveryCommand() {
        assertThat(new AgiCommand.Answer().render()).isEqualTo("ANSWER");
        assertThat(new AgiCommand.StreamFile("hello-world", "0123#").render()).isEqualTo("STREAM FILE \"hello-world\" \"0123#\"");
        assertThat(new AgiCommand.GetData("vm-enter-num-to-call", 5000, 20).render())
                .isEqualTo("GET DATA \"vm-enter-num-to-call\" 5000 20");
        assertThat(new AgiCommand.RecordFile("hotline/voice/x", "wav", "#", 60000, true, 5).render())
                .isEqualTo("RECORD FILE \"hotline/voice/x\" wav \"#\" 60000 BEEP s=5");
        assertThat(new AgiCommand.SetVariable("HOTLINE_TICKET", "HL-1").render())
                .isEqualTo("SET VARIABLE HOTLINE_TICKET \"HL-1\"");
        assertThat(new AgiCommand.GetVariable("CHANNEL(linkedid)").render()).isEqualTo("GET VARIABLE \"CHANNEL(linkedid)\"");
        assertThat(new AgiCommand.Exec("Dial", "PJSIP/13800000001@trunk", "20").render())
                .isEqualTo("EXEC Dial \"PJSIP/13800000001@trunk,20\"");
        assertThat(new AgiCommand.WaitForDigit(3000).render()).isEqualTo("WAIT FOR DIGIT 3000");
        assertThat(new AgiCommand.SayDigits("123", "").render()).isEqualTo("SAY DIGITS 123 \"\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\"b", "back\\slash", "\" ; HANGUP", "trailing\\", "x\" \"y", "", "spaces  inside"})
    void quotedValueComesBackAsOneArgument(String hostile) {
        String line = new AgiCommand.SetVariable("X", hostile).render();
        assertThat(AgiCommand.parseArguments(line)).containsExactly("SET", "VARIABLE", "X", hostile);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\nHANGUP", "a\rb", "nul\u0000", "tab\t"})
    void lineBreaksAndControlCharactersAreRefused(String hostile) {
        assertThatThrownBy(() -> new AgiCommand.SetVariable("X", hostile))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("control character");
        assertThatThrownBy(() -> new AgiCommand.StreamFile(hostile, ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesAndDigitSetsAreValidated() {
        assertThatThrownBy(() -> new AgiCommand.SetVariable("A B", "x")).hasMessageContaining("variable name");
        assertThatThrownBy(() -> new AgiCommand.StreamFile("f", "12a")).hasMessageContaining("0-9, * and #");
        assertThatThrownBy(() -> new AgiCommand.Exec("Dial;System", "x")).hasMessageContaining("application name");
        assertThatThrownBy(() -> new AgiCommand.Exec("Dial", "a,b")).hasMessageContaining("separates options");
        assertThatThrownBy(() -> new AgiCommand.GetVariable("SHELL(rm)x")).hasMessageContaining("function name");
    }

    @Test
    void encoderWritesOneLinePerCommand() {
        EmbeddedChannel channel = new EmbeddedChannel(new AgiEncoder());
        channel.writeOutbound(new AgiCommand.Answer(), new AgiCommand.SetVariable("A", "\"x\""));
        List<String> lines = List.of(read(channel), read(channel));
        assertThat(lines).containsExactly("ANSWER\n", "SET VARIABLE A \"\\\"x\\\"\"\n");
    }

    private static String read(EmbeddedChannel channel) {
        ByteBuf buf = channel.readOutbound();
        try {
            return buf.toString(StandardCharsets.UTF_8);
        } finally {
            buf.release();
        }
    }
}
