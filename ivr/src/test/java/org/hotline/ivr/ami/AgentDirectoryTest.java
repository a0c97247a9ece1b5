package org.hotline.ivr.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AgentDirectoryTest {
    @ParameterizedTest
    @CsvSource({
        "PJSIP/1001-0000002a, PJSIP/1001",
        "PJSIP/1001, PJSIP/1001",
        "Local/1001@hotline-test-phones-0000000a;1, Local/1001@hotline-test-phones",
        "Local/1001@hotline-test-phones-0000000a;2, Local/1001@hotline-test-phones",
        "PJSIP/trunk-00000010, PJSIP/trunk",
        "SIP/front-desk-00ff, SIP/front-desk",
        "PJSIP/agent-one, PJSIP/agent-one",
    })
    void aChannelNameGivesItsDevice(String channel, String device) {
        assertThat(AgentDirectory.deviceOfChannel(channel)).isEqualTo(device);
    }

    @Test
    void garbledChannelNamesGiveNoAgent() {
        AgentDirectory agents = new AgentDirectory(Map.of("PJSIP/1001", "alice"));
        assertThat(AgentDirectory.deviceOfChannel(null)).isEmpty();
        assertThat(agents.userAt(AgentDirectory.deviceOfChannel(""))).isEmpty();
        assertThat(agents.userAt(AgentDirectory.deviceOfChannel("-;1"))).isEmpty();
        assertThat(agents.userAt(null)).isEmpty();
    }

    @Test
    void devicesMatchWhateverTheTechnologysCase() {
        AgentDirectory agents = new AgentDirectory(Map.of("pjsip/1001", "alice"));
        assertThat(agents.userAt("PJSIP/1001")).contains("alice");
        assertThat(agents.deviceOf("alice")).contains("pjsip/1001");
        assertThat(agents.deviceOf("bob")).isEmpty();
    }

    @Test
    void blankEntriesAreRefusedNamingTheConfigKey() {
        assertThatThrownBy(() -> new AgentDirectory(Map.of("PJSIP/1001", " ")))
                .hasMessageContaining("asterisk.agents");
    }
}
