package org.hotline.storage.pg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextRuleTest {

    @Test
    void hostileButValidTextIsKeptExactly() {
        String s = "<img src=x onerror=alert(1)> '; DROP TABLE tickets; -- \"quoted\" \t\r\n 投诉 😀";
        assertThat(TextRule.name(s)).isSameAs(s);
    }

    @Test
    void nulIsRemovedAndUnpairedSurrogatesAreReplaced() {
        assertThat(TextRule.name("a\u0000b")).isEqualTo("ab");
        assertThat(TextRule.name("x\uD800y\uDC00z")).isEqualTo("x\uFFFDy\uFFFDz");
        assertThat(TextRule.name("\uD83D\uDE00")).isEqualTo("😀");
        assertThat(TextRule.name(null)).isNull();
    }

    @Test
    void cutsAtTheLimitInCodePointsNeverSplittingAPair() {
        assertThat(TextRule.clean("abcdef", 3)).isEqualTo("abc");
        assertThat(TextRule.clean("😀😀😀", 2)).isEqualTo("😀😀");
        assertThat(TextRule.clean("a\u0000b\u0000c\u0000d", 3)).isEqualTo("abc");
        assertThat(TextRule.name("x".repeat(100_000))).hasSize(TextRule.NAME);
        assertThat(TextRule.longText("y".repeat(100_000))).hasSize(TextRule.LONG);
    }

    @Test
    void invalidUtf8BytesDecodeToReplacementCharacters() {
        byte[] bytes = {'o', 'k', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, 'z'};
        assertThat(TextRule.decode(bytes)).isEqualTo("ok\uFFFD(\uFFFDz");
        assertThat(TextRule.decode("投诉".getBytes(StandardCharsets.UTF_8))).isEqualTo("投诉");
    }
}
