package org.hotline.ivr.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DialTemplateTest {

    private final DialTemplate trunk = new DialTemplate("PJSIP/{number}@trunk");

    @ParameterizedTest
    @CsvSource({"13800000001, PJSIP/13800000001@trunk", "+8613800000002, PJSIP/+8613800000002@trunk", "110, PJSIP/110@trunk"})
    void configuredNumbersBecomeDialStrings(String number, String dial) {
        assertThat(trunk.dialString(number)).isEqualTo(dial);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12", "123456789012345678901", "1380&0001", "138,00", "138 0001", "++138000", "Local/1@x", ""})
    void anythingButAPhoneNumberIsRefused(String number) {
        assertThatThrownBy(() -> trunk.dialString(number)).hasMessageContaining("refusing to dial");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PJSIP/trunk", "PJSIP/{number}@trunk,20", "PJSIP/{number}@trunk&Local/1", "PJSIP/{number} x"})
    void templatesWithoutTheNumberOrWithSeparatorsAreRefused(String template) {
        assertThatThrownBy(() -> new DialTemplate(template)).hasMessageContaining("asterisk.dial");
    }
}
