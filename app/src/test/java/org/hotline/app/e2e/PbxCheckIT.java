package org.hotline.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hotline.app.config.ExampleConfig;
import org.hotline.ivr.e2e.AsteriskHarness;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check-config --pbx} against a real Asterisk 22 with the production asterisk-config/ and
 * the shipped example as a user has it: the example names two recorded prompts that a stock
 * Asterisk does not have, and a stock Asterisk has no hotline/messages directory.
 */
class PbxCheckIT {
    @RegisterExtension
    static final AsteriskHarness asterisk = new AsteriskHarness();

    @TempDir
    Path dir;

    @BeforeAll
    static void jarIsBuilt() {
        String missing = ServiceProcess.missingJar();
        if (missing != null && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(missing);
        }
        assumeTrue(missing == null, missing);
    }

    @Test
    void listsEveryPromptThePbxLacksAndTheMissingRecordingsDirectory() throws Exception {
        String text = ExampleConfig.replace(ExampleConfig.text(), "    port: 5038\n", "    port: " + asterisk.amiPort() + "\n");
        text = ExampleConfig.replace(text, "secret: \"change-me\"", "secret: \"" + asterisk.hotlineAmiSecret() + "\"");
        Files.writeString(dir.resolve("hotline.yaml"), text);

        Process p = new ProcessBuilder(List.of(ProcessHandle.current().info().command().orElse("java"), "-jar",
                ServiceProcess.JAR.toAbsolutePath().toString(), "check-config", "--pbx", "hotline.yaml"))
                .directory(dir.toFile()).redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String err = Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(err).isZero();

        JsonNode pbx = new ObjectMapper().readTree(Files.readString(dir.resolve("out.txt"))).get("pbx");
        List<String> found = new ArrayList<>();
        pbx.get("warnings").forEach(w -> found.add(w.get("line").asText() + " " + w.get("prompt").asText() + " "
                + w.get("file").asText()));
        assertThat(found).containsExactly(
                "complaints greeting-office hotline/complaints-welcome",
                "complaints greeting-after-hours hotline/complaints-after-hours",
                "null null /usr/share/asterisk/sounds/hotline/messages");
        assertThat(err).contains("hotline.yaml: warning: line complaints: prompt greeting-office hotline/complaints-welcome: "
                + "no such sound file on the PBX")
                .contains("hotline.yaml: warning: all lines: recordings directory /usr/share/asterisk/sounds/hotline/messages: "
                        + "does not exist on the PBX");
    }

    @Test
    void aWrongSecretIsAClearFailure() throws Exception {
        String text = ExampleConfig.replace(ExampleConfig.text(), "    port: 5038\n", "    port: " + asterisk.amiPort() + "\n");
        Files.writeString(dir.resolve("hotline.yaml"), text);
        Process p = new ProcessBuilder(List.of(ProcessHandle.current().info().command().orElse("java"), "-jar",
                ServiceProcess.JAR.toAbsolutePath().toString(), "check-config", "--pbx", "hotline.yaml"))
                .directory(dir.toFile()).redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("err.txt"))).contains("refused the login of 'hotline'");
    }
}
