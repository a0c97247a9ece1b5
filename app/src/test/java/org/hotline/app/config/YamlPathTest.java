package org.hotline.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class YamlPathTest {

    @Test
    void pathsAreWrittenAsTheRoutingValidatorWritesThem() {
        String path = YamlPath.child(YamlPath.index(YamlPath.child(YamlPath.child(YamlPath.child(
                YamlPath.child("", "rosters"), "main"), "rotation"), "weeks"), 0), "monday");
        assertThat(path).isEqualTo("rosters.main.rotation.weeks[0].monday");
        assertThat(YamlPath.child("asterisk.agents", "PJSIP/1001")).isEqualTo("asterisk.agents.PJSIP/1001");
        assertThat(YamlPath.child("asterisk.agents", "SIP/a.b")).isEqualTo("asterisk.agents[\"SIP/a.b\"]");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            rosters.main.rotation.weeks[0].monday.duty[1] | rosters.main.rotation.weeks[0].monday.duty
            rosters.main.rotation.weeks[0]                | rosters.main.rotation.weeks
            asterisk.agents["SIP/a.b"]                    | asterisk.agents
            timezone                                      | ''
            """)
    void theParentDropsTheLastStep(String path, String parent) {
        assertThat(YamlPath.parent(path)).isEqualTo(parent);
    }

    @Test
    void theRootHasNoParent() {
        assertThat(YamlPath.parent("")).isNull();
    }

    @Test
    void anErrorWithoutALineOrPathRendersWithoutThem() {
        assertThat(new ConfigError("a.yaml", 0, "", "is empty").render()).isEqualTo("a.yaml: is empty");
        assertThat(new ConfigError("a.yaml", 3, "x.y", "bad").render()).isEqualTo("a.yaml:3: x.y: bad");
    }

    @Test
    void untrustedTextIsQuotedEscapedAndShortened() {
        assertThat(YamlNode.quote("a\"b\\c\u001b")).isEqualTo("\"a\\\"b\\\\c\\u001b\"");
        assertThat(YamlNode.quote("x".repeat(100))).isEqualTo("\"" + "x".repeat(60) + "...\"");
    }
}
