package org.hotline.panel.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OriginPolicyTest {
    @Test
    void withoutConfiguredOriginsOnlyTheSameHostAndPortPass() {
        OriginPolicy p = new OriginPolicy(List.of());
        assertThat(p.allows("http://127.0.0.1:8080", "127.0.0.1:8080")).isTrue();
        assertThat(p.allows("https://panel.example.org", "panel.example.org")).isTrue();
        assertThat(p.allows("http://127.0.0.1:9999", "127.0.0.1:8080")).isFalse();
        assertThat(p.allows("http://evil.example", "127.0.0.1:8080")).isFalse();
        assertThat(p.allows("http://127.0.0.1:8080.evil.example", "127.0.0.1:8080")).isFalse();
        assertThat(p.allows(null, "127.0.0.1:8080")).isFalse();
        assertThat(p.allows("null", "127.0.0.1:8080")).isFalse();
    }

    @Test
    void configuredOriginsReplaceTheHostRule() {
        OriginPolicy p = new OriginPolicy(List.of("https://panel.example.org"));
        assertThat(p.allows("https://PANEL.example.org", "internal:8080")).isTrue();
        assertThat(p.allows("http://internal:8080", "internal:8080")).isFalse();
    }
}
