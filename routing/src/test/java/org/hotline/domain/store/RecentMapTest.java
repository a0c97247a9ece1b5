package org.hotline.domain.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RecentMapTest {

    @Test
    void forgetsTheLeastRecentlyUsedEntryFirst() {
        RecentMap<Long, String> m = new RecentMap<>(2);
        m.put(1L, "one");
        m.put(2L, "two");
        assertThat(m.get(1L)).isEqualTo("one"); // 1 is now the most recent
        m.put(3L, "three");
        assertThat(m.get(2L)).isNull();
        assertThat(m.get(1L)).isEqualTo("one");
        assertThat(m.get(3L)).isEqualTo("three");
        m.remove(1L);
        assertThat(m.get(1L)).isNull();
    }

    @Test
    void needsRoomForOneEntry() {
        assertThatThrownBy(() -> new RecentMap<>(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }
}
