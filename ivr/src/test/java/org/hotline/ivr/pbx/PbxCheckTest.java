package org.hotline.ivr.pbx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotline.domain.config.LineConfig;
import org.hotline.domain.testing.HotlineConfigBuilder;
import org.junit.jupiter.api.Test;

class PbxCheckTest {
    /** A PBX answering Getvar from a table; anything else is empty, as Asterisk answers an unknown file. */
    private static final class FakePbx implements PbxVariables {
        final Map<String, String> values = new HashMap<>();

        @Override
        public Optional<String> get(String expression) {
            return Optional.ofNullable(values.get(expression));
        }
    }

    private static List<LineConfig> lines(Map<String, String> prompts) {
        LineConfig l = HotlineConfigBuilder.example().build().lines().get(0);
        return List.of(new LineConfig(l.id(), l.name(), l.numbers(), l.roster(), l.queue(), l.ringSeconds(),
                l.askLocation(), l.urgent(), l.voicemail(), l.deadlines(), prompts));
    }

    private static FakePbx pbx(String dataDir) {
        FakePbx pbx = new FakePbx();
        if (dataDir != null) {
            pbx.values.put("AST_CONFIG(asterisk.conf,directories,astdatadir)", dataDir);
        }
        String sounds = (dataDir == null ? PbxCheck.DEFAULT_DATA_DIR : dataDir) + "/sounds";
        pbx.values.put("STAT(e," + sounds + ")", "1");
        pbx.values.put("STAT(d," + sounds + "/hotline/messages)", "1");
        pbx.values.put("STAT(m," + sounds + "/hotline/messages)", "755");
        return pbx;
    }

    @Test
    void aPromptInTheLanguageFolderOrAtTheTopInAnyFormatIsThere() throws Exception {
        FakePbx pbx = pbx("/var/lib/asterisk");
        pbx.values.put("STAT(e,/var/lib/asterisk/sounds/en/hotline/welcome.gsm)", "1");
        pbx.values.put("STAT(e,/var/lib/asterisk/sounds/hotline/menu.wav)", "1");
        pbx.values.put("STAT(e,/opt/prompts/bye.sln)", "1");
        List<PbxWarning> warnings = new PbxCheck(lines(Map.of("greeting-office", "hotline/welcome", "menu", "hotline/menu",
                "nobody-available", "/opt/prompts/bye")), "hotline/messages", "en").run(pbx);
        assertThat(warnings).isEmpty();
    }

    @Test
    void eachMissingPromptIsOneWarningNamingLinePromptAndFile() throws Exception {
        FakePbx pbx = pbx(null);
        pbx.values.put("STAT(e,/usr/share/asterisk/sounds/en/hotline/menu.gsm)", "0");
        List<PbxWarning> warnings = new PbxCheck(lines(Map.of("greeting-office", "hotline/welcome", "menu", "hotline/menu")),
                "hotline/messages", "en").run(pbx);
        assertThat(warnings).extracting(PbxWarning::line, PbxWarning::prompt, PbxWarning::file).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("complaints", "greeting-office", "hotline/welcome"),
                org.assertj.core.groups.Tuple.tuple("complaints", "menu", "hotline/menu"));
        assertThat(warnings).map(PbxWarning::text).anySatisfy(t -> assertThat(t)
                .startsWith("line complaints: prompt greeting-office hotline/welcome: no such sound file")
                .contains("/usr/share/asterisk/sounds/en"));
    }

    @Test
    void aMissingOrReadOnlyRecordingsDirectoryIsAWarning() throws Exception {
        FakePbx missing = pbx(null);
        missing.values.remove("STAT(d,/usr/share/asterisk/sounds/hotline/messages)");
        assertThat(new PbxCheck(lines(Map.of()), "hotline/messages", "en").run(missing)).singleElement()
                .satisfies(w -> assertThat(w.text()).startsWith(
                        "all lines: recordings directory /usr/share/asterisk/sounds/hotline/messages: does not exist"));

        FakePbx readOnly = pbx(null);
        readOnly.values.put("STAT(m,/usr/share/asterisk/sounds/hotline/messages)", "555");
        assertThat(new PbxCheck(lines(Map.of()), "hotline/messages", "en").run(readOnly)).singleElement()
                .satisfies(w -> assertThat(w.what()).startsWith("is not writable (mode 555)"));
    }

    @Test
    void withoutStatNothingCanBeToldAndTheCheckSaysWhy() throws Exception {
        FakePbx blocked = new FakePbx();
        assertThat(new PbxCheck(lines(Map.of("menu", "hotline/menu")), "hotline/messages", "en").run(blocked))
                .singleElement().satisfies(w -> assertThat(w.what()).contains("live_dangerously = yes")
                        .contains("func_env.so"));
    }
}
