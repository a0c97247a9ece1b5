package org.hotline.ivr.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.hotline.ivr.agi.AgiReply;
import org.hotline.domain.ticket.RequestKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyEntryTest {

    private static AgiReply reply(String result, String data) {
        return AgiReply.success(result, data);
    }

    @Test
    void readsEveryGetDataOutcome() {
        assertThat(KeyEntry.of(reply("", "timeout")).nothing()).isTrue();
        assertThat(KeyEntry.of(reply("", null)).poundOnly()).isTrue();
        assertThat(KeyEntry.of(reply("12", "timeout"))).isEqualTo(new KeyEntry(KeyEntry.Kind.TIMEOUT, "12"));
        assertThat(KeyEntry.of(reply("12", null))).isEqualTo(new KeyEntry(KeyEntry.Kind.KEYED, "12"));
        assertThat(KeyEntry.of(reply("1*", null)).star()).isTrue();
        // -1 is both "hung up during the prompt" and "the prompt's file is missing": not decided here
        assertThat(KeyEntry.of(reply("-1", null)).kind()).isEqualTo(KeyEntry.Kind.FAILED);
        assertThat(KeyEntry.of(new AgiReply(511, "", Optional.empty(), Optional.empty(), java.util.Map.of(), "dead")).kind())
                .isEqualTo(KeyEntry.Kind.HUNG_UP);
    }

    @Test
    void aRefusedGetDataIsAnErrorNotAHangup() {
        var usage = new AgiReply(520, "", Optional.empty(), Optional.empty(), java.util.Map.of(), "Invalid command syntax");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> KeyEntry.of(usage))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("520");
    }

    @ParameterizedTest
    @CsvSource({"1, COMPLAINT", "2, INQUIRY", "3, SUGGESTION", "4, REPORT", "5, REPAIR", "9, URGENT", "6, URGENT"})
    void menuDigitsSelectKinds(String key, RequestKind kind) {
        assertThat(HotlineCall.menuChoice(key)).contains(kind);
    }

    @Test
    void otherMenuKeysSelectNothing() {
        for (String key : new String[] {"0", "7", "8", "#", "11", ""}) {
            assertThat(HotlineCall.menuChoice(key)).as(key).isEmpty();
        }
    }
}
