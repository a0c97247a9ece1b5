package org.hotline.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.DayOfWeek;
import org.hotline.domain.config.HotlineConfig;
import org.hotline.domain.testing.HotlineConfigBuilder;
import org.junit.jupiter.api.Test;

/**
 * The tests of other modules (the real-Asterisk tests of {@code ivr} among them) run on
 * {@link HotlineConfigBuilder#example()} because they cannot load YAML; this keeps it exactly the
 * shipped {@code config/hotline.example.yaml}, so those tests use the configuration as a user has it.
 */
class ExampleConfigBuilderTest {

    @Test
    void theBuilderExampleIsTheShippedExampleFile() throws Exception {
        Path example = Path.of("..", "config", "hotline.example.yaml");
        HotlineConfig shipped = new HotlineConfigLoader(ExampleConfig.CLOCK).load(example).hotline();
        HotlineConfig built = HotlineConfigBuilder.example().build();

        // the file lists the weekend as [], the builder leaves it out: the same office hours
        for (DayOfWeek day : DayOfWeek.values()) {
            assertThat(shipped.calendar().officeHoursOn(day)).as(day.toString()).isEqualTo(built.calendar().officeHoursOn(day));
        }
        assertThat(shipped).usingRecursiveComparison().ignoringFields("calendar.officeHours").isEqualTo(built);
    }
}
