package org.hotline.panel;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotline.panel.auth.Access;
import org.hotline.panel.http.ApiResponse;
import org.hotline.panel.http.Router;
import org.junit.jupiter.api.Test;

class RouterTest {
    private final Router router = new Router()
            .add("GET", "/api/tickets/mine", Access.anyUser(), r -> ApiResponse.noContent())
            .add("GET", "/api/tickets/{id}", Access.anyUser(), r -> ApiResponse.noContent())
            .add("POST", "/api/tickets/{id}/actions", Access.anyUser(), r -> ApiResponse.noContent());

    @Test
    void literalRoutesWinWhenListedFirstAndPlaceholdersBind() {
        var mine = (Router.Match.Found) router.match("GET", "/api/tickets/mine");
        assertThat(mine.route().pattern()).isEqualTo("/api/tickets/mine");
        var one = (Router.Match.Found) router.match("GET", "/api/tickets/42");
        assertThat(one.params()).containsEntry("id", "42");
        var act = (Router.Match.Found) router.match("POST", "/api/tickets/42/actions");
        assertThat(act.params()).containsEntry("id", "42");
    }

    @Test
    void otherMethodsAndPathsAreTold() {
        assertThat(router.match("DELETE", "/api/tickets/42")).isInstanceOf(Router.Match.MethodNotAllowed.class);
        assertThat(router.match("GET", "/api/tickets/")).isInstanceOf(Router.Match.NotFound.class);
        assertThat(router.match("GET", "/api/tickets/42/actions/x")).isInstanceOf(Router.Match.NotFound.class);
        assertThat(router.match("GET", "relative")).isInstanceOf(Router.Match.NotFound.class);
    }
}
