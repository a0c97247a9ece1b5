package org.hotline.panel.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(10);

    @Test
    void hashesVerifyAndAreSalted() {
        String a = hasher.hash("correct horse battery");
        String b = hasher.hash("correct horse battery");
        assertThat(a).startsWith("$2a$10$").isNotEqualTo(b);
        assertThat(hasher.verify("correct horse battery", a)).isTrue();
        assertThat(hasher.verify("correct horse batterY", a)).isFalse();
    }

    @Test
    void refusesWeakCostsShortAndOverlongPasswords() {
        assertThatThrownBy(() -> new PasswordHasher(4)).hasMessageContaining("between 10 and 14");
        assertThatThrownBy(() -> hasher.hash("short")).hasMessageContaining("at least 10");
        assertThatThrownBy(() -> hasher.hash("x".repeat(73))).hasMessageContaining("72 bytes");
        assertThat(hasher.verify("x".repeat(73), hasher.hash("x".repeat(72)))).isFalse();
    }
}
