package org.hotline.ivr.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The group's answers before any PBX is connected (clients never started): what readiness
 * shows, and a pause refused with what each PBX's client said. Pauses that a PBX takes are
 * exercised against real Asterisk servers (TwoPbxsOneServiceIT in app).
 */
class AmiClientGroupTest {
    private final AgentDirectory agents = new AgentDirectory(Map.of("PJSIP/1001", "alice"));

    private AmiClient client(String host) {
        return new AmiClient(AmiConfig.of(host, 5038, "hotline", "secret"), agents, pop -> { }, Clock.systemUTC());
    }

    @Test
    void eachPbxIsNamedAndAPauseNoPbxTookSaysWhatEachAnswered() {
        try (AmiClientGroup group = new AmiClientGroup(List.of(client("10.0.0.21"), client("10.0.0.22")))) {
            assertThat(group.isEmpty()).isFalse();
            assertThat(group.allConnected()).isFalse();
            assertThat(group.describe()).isEqualTo(
                    "10.0.0.21:5038: not connected; reconnecting; 10.0.0.22:5038: not connected; reconnecting");
            assertThat(group.paused("alice")).isEmpty();
            assertThatThrownBy(() -> group.pause("alice", null, true, "lunch")).isInstanceOf(IOException.class)
                    .hasMessageStartingWith("10.0.0.21:5038: ").hasMessageContaining("; 10.0.0.22:5038: ");
        }
    }

    @Test
    void noAmiIsAnEmptyGroupThatIsTriviallyConnected() {
        AmiClientGroup none = AmiClientGroup.none();
        assertThat(none.isEmpty()).isTrue();
        assertThat(none.allConnected()).isTrue();
        assertThat(none.describe()).isEmpty();
        none.start();
        none.close();
    }
}
