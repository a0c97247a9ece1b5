package org.hotline.panel.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.hotline.domain.store.Session;
import org.junit.jupiter.api.Test;

class InMemorySessionStoreTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T08:00:00Z"));
    private final InMemorySessionStore store = new InMemorySessionStore(clock, Duration.ofMinutes(30));

    @Test
    void idsAndCsrfTokensAre256RandomBits() {
        Session a = store.create("alice", "Alice", "agent");
        Session b = store.create("alice", "Alice", "agent");
        assertThat(Base64.getUrlDecoder().decode(a.id())).hasSize(32);
        assertThat(Base64.getUrlDecoder().decode(a.csrfToken())).hasSize(32);
        assertThat(a.id()).isNotEqualTo(b.id()).isNotEqualTo(a.csrfToken());
    }

    @Test
    void aSessionExpiresAfterIdlingAndUseKeepsItAlive() {
        Session s = store.create("alice", "Alice", "agent");
        clock.advance(Duration.ofMinutes(29));
        assertThat(store.touch(s.id())).isPresent();
        clock.advance(Duration.ofMinutes(29));
        assertThat(store.touch(s.id())).isPresent();
        clock.advance(Duration.ofMinutes(30));
        assertThat(store.touch(s.id())).isEmpty();
    }

    @Test
    void sweepDropsIdleSessionsAndLogOutEndsOne() {
        Session a = store.create("alice", "Alice", "agent");
        clock.advance(Duration.ofMinutes(20));
        Session b = store.create("bob", "Bob", "agent");
        clock.advance(Duration.ofMinutes(15));
        store.sweep();
        assertThat(store.size()).isEqualTo(1);
        assertThat(store.touch(a.id())).isEmpty();
        store.remove(b.id());
        assertThat(store.touch(b.id())).isEmpty();
    }

    @Test
    void removeUserEndsAllItsSessions() {
        Session a = store.create("alice", "Alice", "agent");
        Session b = store.create("alice", "Alice", "agent");
        Session c = store.create("bob", "Bob", "agent");
        store.removeUser("alice");
        assertThat(store.touch(a.id())).isEmpty();
        assertThat(store.touch(b.id())).isEmpty();
        assertThat(store.touch(c.id())).isPresent();
    }
}
