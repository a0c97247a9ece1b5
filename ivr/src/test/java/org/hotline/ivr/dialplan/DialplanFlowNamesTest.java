package org.hotline.ivr.dialplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hotline.ivr.agi.AgiFlow;
import org.junit.jupiter.api.Test;

/**
 * Every flow the production dialplan ({@code asterisk-config/extensions.conf}) names in an
 * {@code AGI(agi://host/NAME)}, {@code AGI(${HOTLINE_AGI}/NAME)} or {@code AGI(${HOTLINE_AGI_URL}/NAME)}
 * (the instance {@code hotline-agi-next} picked) exists in the code: an
 * {@link AgiFlow} implementation of the ivr module whose {@code public static final String NAME}
 * is that name. A renamed flow, or a dialplan typo, fails here instead of sending every caller
 * to the fallback.
 */
class DialplanFlowNamesTest {
    private static final Pattern AGI_APP = Pattern.compile("\\bAGI\\(([^,)]*)");
    private static final Pattern FLOW = Pattern.compile("^(?:agi://[^/]+|\\$\\{HOTLINE_AGI(?:_URL)?\\})/([A-Za-z0-9_-]+)$");

    /** The flow names an extensions.conf text calls; throws naming any AGI() it cannot read. */
    static Set<String> flowNames(String dialplan) {
        Set<String> names = new TreeSet<>();
        for (String line : dialplan.split("\n")) {
            String code = line.contains(";") ? line.substring(0, line.indexOf(';')) : line;
            Matcher m = AGI_APP.matcher(code);
            while (m.find()) {
                Matcher f = FLOW.matcher(m.group(1).strip());
                if (!f.matches()) {
                    throw new IllegalArgumentException("AGI() target is not agi://host/NAME or ${HOTLINE_AGI}/NAME: " + line);
                }
                names.add(f.group(1));
            }
        }
        return names;
    }

    /** Names of the AgiFlow implementations compiled in this module (their NAME constants). */
    static Set<String> codeFlowNames() throws IOException, URISyntaxException, ReflectiveOperationException {
        Path classes = Path.of(AgiFlow.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                String className = classes.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> c = Class.forName(className, false, DialplanFlowNamesTest.class.getClassLoader());
                if (!AgiFlow.class.isAssignableFrom(c) || c.isInterface() || Modifier.isAbstract(c.getModifiers())) {
                    continue;
                }
                try {
                    Field name = c.getField("NAME");
                    if (Modifier.isStatic(name.getModifiers()) && name.getType() == String.class) {
                        names.add((String) name.get(null));
                    }
                } catch (NoSuchFieldException unnamed) {
                    // a flow without a NAME constant cannot be the one the dialplan names
                }
            }
        }
        return names;
    }

    @Test
    void everyFlowTheProductionDialplanNamesExistsInTheCode() throws Exception {
        Set<String> named = flowNames(Files.readString(productionDialplan()));
        Set<String> code = codeFlowNames();

        assertThat(named).as("the dialplan calls at least one flow").isNotEmpty();
        assertThat(code).as("flows in the code").containsAll(named);
    }

    @Test
    void theParserFindsBothFormsIgnoresCommentsAndRefusesOthers() {
        String text = """
                exten => s,1,AGI(${HOTLINE_AGI}/hotline,${HOTLINE_DIALLED})
                 same => n,AGI(agi://10.0.0.5:4573/survey)  ; a comment AGI(agi://x/ignored)
                 same => n,AGI(${HOTLINE_AGI_URL}/hotline,${HOTLINE_DIALLED})
                ; same => n,AGI(agi://127.0.0.1/commented-out)
                """;
        assertThat(flowNames(text)).containsExactly("hotline", "survey");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> flowNames("same => n,AGI(/usr/bin/script.sh)"))
                .hasMessageContaining("script.sh");
    }

    private static Path productionDialplan() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("asterisk-config/extensions.conf"))) {
            p = p.getParent();
        }
        assertThat(p).as("asterisk-config/extensions.conf above the working directory").isNotNull();
        return p.resolve("asterisk-config/extensions.conf");
    }
}
