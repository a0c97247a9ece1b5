package org.hotline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hotline.app.config.ExampleConfig;
import org.hotline.app.config.LoadedConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckConfigAndRunCommandTest {
    @TempDir
    Path dir;

    private Path example() throws Exception {
        Path file = dir.resolve("hotline.yaml");
        Files.writeString(file, ExampleConfig.text());
        return file;
    }

    @Test
    void checkConfigPrintsASummaryOfAGoodFile() throws Exception {
        Path file = example();

        Cli.Result result = Cli.run("check-config", file.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEmpty();
        JsonNode json = result.json();
        assertThat(json.get("ok").asBoolean()).isTrue();
        assertThat(json.get("file").asText()).isEqualTo(file.toString());
        assertThat(json.get("lines").asInt()).isEqualTo(2);
        assertThat(json.get("lineIds").toString()).isEqualTo("[\"complaints\",\"service\"]");
        assertThat(json.get("zone").asText()).isEqualTo("Asia/Shanghai");
        assertThat(json.get("people").asInt()).isEqualTo(6);
        assertThat(json.get("holidays").asInt()).isEqualTo(4);
        assertThat(json.get("sourceLines").asInt()).isEqualTo(Files.readAllLines(file).size());
    }

    @Test
    void checkConfigReportsEveryProblemOnStderrWithExitCode2() throws Exception {
        String text = ExampleConfig.replace(ExampleConfig.text(), "  port: 8080\n", "  port: eighty\n  colour: blue\n");
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, text);

        Cli.Result result = Cli.run("check-config", file.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().lines()).containsExactly(
                file + ":" + ExampleConfig.line(text, "eighty") + ": panel.port: expected a TCP port (0: any free port) "
                        + "from 0 to 65535, got \"eighty\"",
                file + ":" + ExampleConfig.line(text, "colour") + ": panel.colour: unknown key \"colour\"; "
                        + "expected one of: admin-password, allowed-origins, bcrypt-cost, bind, "
                + "login-burst, login-refill, max-header-bytes, max-json-depth, max-request-bytes, port, secure-cookies, "
                + "session-idle, worker-threads",
                "hotline check-config: the configuration has 2 problems");
    }

    @Test
    void checkConfigNeedsAFile() {
        Cli.Result result = Cli.run("check-config");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("hotline check-config: check-config needs the configuration FILE\n"
                + "usage: java -jar hotline.jar check-config FILE");
    }

    @Test
    void checkConfigOfAMissingFileIsBadInput() {
        Cli.Result result = Cli.run("check-config", dir.resolve("none.yaml").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith(dir.resolve("none.yaml") + ": no such file;");
    }

    @Test
    void runWithoutArgumentsLoadsTheBuiltInExampleAndHandsItToTheService() {
        List<LoadedConfig> served = new ArrayList<>();

        Cli.Result result = Cli.run((config, context) -> {
            served.add(config);
            return 0;
        });

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out().lines()).hasSize(1);
        JsonNode json = result.json();
        assertThat(json.get("status").asText()).isEqualTo("loaded");
        assertThat(json.get("config").asText()).isEqualTo("hotline.example.yaml (built-in)");
        assertThat(json.get("lines").toString()).isEqualTo("[\"complaints\",\"service\"]");
        assertThat(json.get("agi").asText()).isEqualTo("127.0.0.1:4573");
        assertThat(json.get("panel").asText()).isEqualTo("127.0.0.1:8080");
        assertThat(json.get("storage").asText()).isEqualTo("embedded in .hotline/data");
        assertThat(served).singleElement().satisfies(c -> assertThat(c.file()).isEmpty());
    }

    @Test
    void runTakesAConfigurationFile() throws Exception {
        Path file = example();

        Cli.Result result = Cli.run("run", "--config", file.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.json().get("config").asText()).isEqualTo(file.toString());
    }

    @Test
    void runReturnsTheServiceExitCode() {
        assertThat(Cli.run((config, context) -> 3, "run").exitCode()).isEqualTo(3);
    }

    @Test
    void aFailingServiceIsAnInternalError() {
        Cli.Result result = Cli.run((config, context) -> {
            throw new IllegalStateException("port in use");
        }, "run");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("hotline run: internal error, please report it: "
                + "java.lang.IllegalStateException: port in use");
    }

    @Test
    void anUnknownCommandListsTheCommands() {
        Cli.Result result = Cli.run("rout");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("hotline: unknown command \"rout\"\nusage: java -jar hotline.jar [COMMAND]")
                .contains("check-config");
    }

    @Test
    void anUnknownOptionIsBadInput() {
        Cli.Result result = Cli.run("run", "--confg", "x.yaml");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("hotline run: unknown option \"--confg\" for run\n"
                + "usage: java -jar hotline.jar run [--config FILE]");
    }

    @Test
    void aRepeatedOptionIsBadInput() {
        Cli.Result result = Cli.run("run", "--config", "a.yaml", "--config=b.yaml");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("hotline run: option --config is given more than once");
    }

    @Test
    void helpIsPrintedOnStdoutForTheToolAndEachCommand() {
        Cli.Result overview = Cli.run("--help");
        assertThat(overview.exitCode()).isZero();
        assertThat(overview.out()).contains("run", "check-config", "Exit codes: 0 success, 2 bad input");

        Cli.Result check = Cli.run("check-config", "--help");
        assertThat(check.exitCode()).isZero();
        assertThat(check.out()).startsWith("usage: java -jar hotline.jar check-config FILE");
    }
}
