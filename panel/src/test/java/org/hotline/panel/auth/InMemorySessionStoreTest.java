package org.hotline.panel.auth;

import org.hotline.domain.ticket.Role;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.hotline.domain.testing.MutableClock;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class InMemorySessionStoreTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T08:00:00Z"), ZoneOffset.UTC);
    private final InMemorySessionStore store = new InMemorySessionStore(clock, Duration.ofMinutes(30));

    @Test
    void idsAndCsrfTokensAre256RandomBits() {
        Session a = store.create("alice", "Alice", Role.AGENT);
        Session b = store.create("alice", "Alice", Role.AGENT);
        assertThat(Base64.getUrlDecoder().decode(a.id())).hasSize(32);
        assertThat(Base64.getUrlDecoder().decode(a.csrfToken())).hasSize(32);
        assertThat(a.id()).isNotEqualTo(b.id()).isNotEqualTo(a.csrfToken());
    }

    @Test
    void aSessionExpiresAfterIdlingAndUseKeepsItAlive() {
        Session s = store.create("alice", "Alice", Role.AGENT);
        clock.advance(Duration.ofMinutes(29));
        assertThat(store.touch(s.id())).isPresent();
        clock.advance(Duration.ofMinutes(29));
        assertThat(store.touch(s.id())).isPresent();
        clock.advance(Duration.ofMinutes(30));
        assertThat(store.touch(s.id())).isEmpty();
    }

    @Test
    void sweepDropsIdleSessionsAndLogOutEndsOne() {
        Session a = store.create("alice", "Alice", Role.AGENT);
        clock.advance(Duration.ofMinutes(20));
        Session b = store.create("bob", "Bob", Role.AGENT);
        clock.advance(Duration.ofMinutes(15));
        store.sweep();
        assertThat(store.size()).isEqualTo(1);
        assertThat(store.touch(a.id())).isEmpty();
        store.remove(b.id());
        assertThat(store.touch(b.id())).isEmpty();
    }

    @Test
    void removeUserEndsAllItsSessions() {
        Session a = store.create("alice", "Alice", Role.AGENT);
        Session b = store.create("alice", "Alice", Role.AGENT);
        Session c = store.create("bob", "Bob", Role.AGENT);
        store.removeUser("alice");
        assertThat(store.touch(a.id())).isEmpty();
        assertThat(store.touch(b.id())).isEmpty();
        assertThat(store.touch(c.id())).isPresent();
    }
}
