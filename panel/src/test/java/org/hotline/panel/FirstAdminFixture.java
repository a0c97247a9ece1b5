package org.hotline.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.hotline.domain.ticket.Role;
import org.hotline.domain.ticket.User;

/** Checks {@link PanelServer#ensureFirstAdmin} against a harness whose store has an admin ("root"). */
final class FirstAdminFixture {
    private FirstAdminFixture() {}

    static void assertFirstAdmin(PanelHarness h) throws Exception {
        assertThat(h.server.ensureFirstAdmin("admin", Optional.empty())).isEmpty();
        User root = h.users.find("root").orElseThrow();
        h.users.update(new User(root.username(), root.displayName(), Role.ADMIN, root.passwordHash(), null, false));
        Optional<String> generated = h.server.ensureFirstAdmin("admin", Optional.empty());
        assertThat(generated).isPresent();
        assertThat(generated.get()).hasSize(20);
        assertThat(h.users.find("admin").orElseThrow().role()).isEqualTo(Role.ADMIN);
        assertThat(h.users.find("admin").orElseThrow().passwordHash()).startsWith("$2a$10$").doesNotContain(generated.get());
        TestHttp admin = new TestHttp(h.base);
        var res = admin.postWithoutCsrf("/api/login", "{\"username\":\"admin\",\"password\":\"" + generated.get() + "\"}");
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(h.server.ensureFirstAdmin("admin", Optional.empty())).isEmpty();
    }
}
