package org.hotline.ivr.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.hotline.ivr.ami.AmiConfig;
import org.hotline.ivr.flow.DialTemplate;
import org.junit.jupiter.api.Test;

class AmiSurveyDialerTest {
    final AmiSurveyDialer dialer = new AmiSurveyDialer(AmiConfig.of("127.0.0.1", 5038, "hotline-survey", "secret"),
            new DialTemplate("PJSIP/{number}@trunk"), "survey-callback", c -> {
                throw new AssertionError("no connection in this test");
            });

    @Test
    void theVoiceAlertEntersItsContextWithTheTicketNumberAndNeverAnApplication() {
        var a = dialer.alert("HL-2026-000042", "+8613800000001", Duration.ofSeconds(40));
        assertThat(a.getChannel()).isEqualTo("PJSIP/+8613800000001@trunk");
        assertThat(a.getContext()).isEqualTo(AmiSurveyDialer.ALERT_CONTEXT);
        assertThat(a.getExten()).isEqualTo("s");
        assertThat(a.getApplication()).isNull();
        assertThat(a.getData()).isNull();
        assertThat(a.getVariables()).isEqualTo(Map.of("TICKET_NUMBER", "HL-2026-000042"));
        assertThat(a.getTimeout()).isEqualTo(40_000L);
    }

    @Test
    void aNumberOrTicketThatCouldCarryDialplanIsRefused() {
        assertThatThrownBy(() -> dialer.alert("HL-1", "1380000&Local/x", Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 to 20 digits");
        assertThatThrownBy(() -> dialer.alert("HL-1,System(x)", "13800000001", Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("letters, digits and dashes");
    }
}
