package org.hotline.panel.api;

import java.util.Map;
import java.util.Optional;
import org.hotline.panel.auth.Access;
import org.hotline.panel.auth.LoginRateLimiter;
import org.hotline.panel.auth.PasswordHasher;
import org.hotline.panel.auth.Session;
import org.hotline.panel.auth.SessionStore;
import org.hotline.panel.http.ApiException;
import org.hotline.panel.http.ApiRequest;
import org.hotline.panel.http.ApiResponse;
import org.hotline.panel.http.Router;
import org.hotline.domain.ticket.Role;
import org.hotline.domain.ticket.User;

/**
 * {@code POST /api/login}, {@code POST /api/logout}, {@code GET /api/session}. Log-in is rate
 * limited per user name and per client address before any password is checked; unknown users
 * and wrong passwords get the same answer after the same bcrypt time. The session cookie is
 * HttpOnly, SameSite=Strict, Path=/, and Secure (with the {@code __Host-} prefix) when configured.
 */
public final class AuthRoutes {
    private final PanelContext ctx;
    private final SessionStore sessions;
    private final LoginRateLimiter limiter;
    private final PasswordHasher hasher;
    private final String cookieName;
    private final boolean secure;

    public AuthRoutes(PanelContext ctx, SessionStore sessions, LoginRateLimiter limiter, PasswordHasher hasher,
                      String cookieName, boolean secure) {
        this.ctx = ctx;
        this.sessions = sessions;
        this.limiter = limiter;
        this.hasher = hasher;
        this.cookieName = cookieName;
        this.secure = secure;
    }

    public void register(Router router) {
        router.add("POST", "/api/login", Access.publicRoute(), this::login)
              .add("POST", "/api/logout", Access.anyUser(), this::logout)
              .add("GET", "/api/session", Access.anyUser(), r -> ctx.json().ok(me(r.requireSession())));
    }

    private ApiResponse login(ApiRequest r) {
        Fields f = new Fields(r.body());
        String username = f.requiredText("username", 80).trim();
        String password = f.requiredText("password", 200);
        var verdict = limiter.tryAcquire(username, r.remote().getAddress().getHostAddress());
        if (!verdict.allowed()) {
            long seconds = Math.max(1, (verdict.retryAfter().toMillis() + 999) / 1000);
            return ctx.json().error(new ApiException(429, "rate_limited",
                    "Too many log-in attempts; wait " + seconds + " s and try again."))
                    .withHeader("Retry-After", Long.toString(seconds));
        }
        Optional<User> user = ctx.ports().users().find(username).filter(User::active)
                .filter(u -> u.role().isPerson());
        boolean ok;
        if (user.isPresent()) {
            ok = hasher.verify(password, user.get().passwordHash());
        } else {
            hasher.verifyNothing(password);
            ok = false;
        }
        if (!ok) {
            throw new ApiException(401, "bad_credentials", "Wrong user name or password.");
        }
        User u = user.get();
        Session s = sessions.create(u.username(), u.displayName() == null ? u.username() : u.displayName(),
                u.role());
        return ctx.json().ok(me(s)).withHeader("Set-Cookie", cookie(s.id(), false));
    }

    private ApiResponse logout(ApiRequest r) {
        Session s = r.requireSession();
        sessions.remove(s.id());
        if (s.role() == Role.AGENT) {
            ctx.ports().presence().clear(s.username());
        }
        return ApiResponse.noContent().withHeader("Set-Cookie", cookie("", true));
    }

    private Map<String, Object> me(Session s) {
        return Map.of("username", s.username(), "displayName", s.displayName(), "role", s.role().wireName(),
                "csrfToken", s.csrfToken());
    }

    private String cookie(String value, boolean expire) {
        return cookieName + "=" + value + "; Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
                + (expire ? "; Max-Age=0" : "");
    }
}
