package org.hotline.domain.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DueRuleTest {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0.5 working days        | 0.5 working days
            1 working day           | 1 working day
            2 working days          | 2 working days
            7 Working  Days         | 7 working days
            1.5 working days        | 1.5 working days
            4 working hours         | 4 working hours
            1 working hours         | 1 working hour
            1.5 working hours       | 1.5 working hours
            same working day        | same working day
            end of next working day | end of next working day
            3 days                  | 3 days
            1 day                   | 1 day
            """)
    void parsesTheDocumentedForms(String text, String canonical) {
        DueRule rule = DueRule.parse(text);
        assertThat(rule).hasToString(canonical);
        assertThat(DueRule.parse(rule.toString())).isEqualTo(rule);
    }

    @ParameterizedTest
    @CsvSource({"0.5 working days,1", "1 working day,2", "7 working days,14"})
    void workingDaysAreCountedInHalfDays(String text, int halfDays) {
        assertThat(DueRule.parse(text)).isEqualTo(new DueRule.WorkingDays(halfDays));
    }

    @ParameterizedTest
    @CsvSource({"4 working hours,240", "0.25 working hours,15"})
    void workingHoursAreADuration(String text, int minutes) {
        assertThat(DueRule.parse(text)).isEqualTo(new DueRule.WorkingHours(Duration.ofMinutes(minutes)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "2 weeks", "-1 days", "one working day", "3 working", "working days"})
    void rejectsUnknownFormsListingTheAcceptedOnes(String text) {
        assertThatThrownBy(() -> DueRule.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"" + text + "\"")
                .hasMessageContaining("same working day")
                .hasMessageContaining("N working hours");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0 working days", "0.25 working days", "0 working hours", "0.001 working hours", "0 days"})
    void rejectsZeroAndFractionsItCannotCount(String text) {
        assertThatThrownBy(() -> DueRule.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("accepted forms");
    }
}
