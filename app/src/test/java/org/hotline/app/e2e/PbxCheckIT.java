package org.hotline.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hotline.app.config.ExampleConfig;
import org.hotline.ivr.e2e.AsteriskHarness;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check-config --pbx} against a real Asterisk 22 with the production asterisk-config/ and
 * the shipped example as a user has it (only the AMI port and secret changed): the example names
 * two recorded prompts that a stock Asterisk does not have, and a stock Asterisk has no
 * hotline/messages directory.
 */
class PbxCheckIT {
    @RegisterExtension
    static final AsteriskHarness asterisk = new AsteriskHarness();

    @TempDir
    Path dir;

    @BeforeAll
    static void jarIsBuilt() {
        ServiceProcess.requireJar();
    }

    private void writeConfig(String secret) throws Exception {
        String text = ExampleConfig.replace(ExampleConfig.text(), "    port: 5038\n", "    port: " + asterisk.amiPort() + "\n");
        text = ExampleConfig.replace(text, "secret: \"change-me\"", "secret: \"" + secret + "\"");
        Files.writeString(dir.resolve("hotline.yaml"), text);
    }

    @Test
    void listsEveryPromptThePbxLacksAndTheMissingRecordingsDirectory() throws Exception {
        writeConfig(asterisk.hotlineAmiSecret());

        ServiceProcess.Finished run = ServiceProcess.runCommand(dir, "check-config", "--pbx", "hotline.yaml");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode pbx = new ObjectMapper().readTree(run.out()).get("pbx");
        List<String> found = new ArrayList<>();
        pbx.get("warnings").forEach(w -> found.add(w.get("line").asText() + " " + w.get("prompt").asText() + " "
                + w.get("file").asText()));
        assertThat(found).containsExactly(
                "complaints greeting-office hotline/complaints-welcome",
                "complaints greeting-after-hours hotline/complaints-after-hours",
                "null null /usr/share/asterisk/sounds/hotline/messages");
        assertThat(run.err()).contains("hotline.yaml: warning: line complaints: prompt greeting-office "
                + "hotline/complaints-welcome: no such sound file on the PBX")
                .contains("hotline.yaml: warning: all lines: recordings directory /usr/share/asterisk/sounds/hotline/messages: "
                        + "does not exist on the PBX");
    }

    @Test
    void aWrongSecretIsAClearFailure() throws Exception {
        writeConfig("not-the-secret");

        ServiceProcess.Finished run = ServiceProcess.runCommand(dir, "check-config", "--pbx", "hotline.yaml");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("refused the login of 'hotline'");
    }
}
