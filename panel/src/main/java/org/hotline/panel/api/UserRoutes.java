package org.hotline.panel.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.domain.ticket.AuditEntry;
import org.hotline.domain.ticket.Role;
import org.hotline.domain.ticket.User;
import org.hotline.panel.auth.Access;
import org.hotline.panel.http.ApiException;
import org.hotline.panel.http.ApiRequest;
import org.hotline.panel.http.ApiResponse;
import org.hotline.panel.http.Router;
import org.hotline.panel.users.InvalidFieldException;
import org.hotline.panel.users.UnknownUserException;
import org.hotline.panel.users.UserAdministration;
import org.hotline.panel.users.UserView;

/**
 * Administrators manage users ({@code /api/users}) and read the audit trail ({@code /api/audit}).
 * The rules are {@link UserAdministration}'s; this class reads the JSON and renders the answers.
 * A bad field answers 400 naming it, and nothing is created or changed.
 */
public final class UserRoutes {
    private static final Role ADMIN = Role.ADMIN;

    private final PanelContext ctx;
    private final UserAdministration admin;

    public UserRoutes(PanelContext ctx, UserAdministration admin) {
        this.ctx = ctx;
        this.admin = admin;
    }

    public void register(Router router) {
        router.add("GET", "/api/users", Access.roles(ADMIN), r -> ctx.json().ok(admin.list().stream().map(UserView::of).toList()))
              .add("POST", "/api/users", Access.roles(ADMIN), this::create)
              .add("GET", "/api/users/{username}", Access.roles(ADMIN), r -> call(() -> ctx.json().ok(UserView.of(admin.find(r.pathParam("username"))))))
              .add("PATCH", "/api/users/{username}", Access.roles(ADMIN), this::update)
              .add("POST", "/api/users/{username}/password", Access.roles(ADMIN), this::resetPassword)
              .add("GET", "/api/audit", Access.roles(ADMIN), this::audit);
    }

    private ApiResponse create(ApiRequest r) {
        Fields f = new Fields(r.body());
        var n = new UserAdministration.NewUser(f.text("username", 200), f.text("displayName", 500), f.text("role", 64),
                f.text("department", 200), f.text("phone", 200), f.text("rosterPerson", 200), f.text("password", 200));
        return call(() -> {
            UserAdministration.Created c = admin.create(r.requireSession().username(), n);
            Map<String, Object> out = UserView.of(c.user());
            c.oneTimePassword().ifPresent(p -> out.put("oneTimePassword", p));
            return ctx.json().status(201, out);
        });
    }

    private ApiResponse update(ApiRequest r) {
        Fields f = new Fields(r.body());
        Boolean active = f.bool("active");
        var c = new UserAdministration.Change(f.text("displayName", 500), f.text("role", 64), textOrClear(r, f, "department"),
                textOrClear(r, f, "phone"), textOrClear(r, f, "rosterPerson"), active);
        return call(() -> ctx.json().ok(UserView.of(admin.update(r.requireSession().username(), r.pathParam("username"), c))));
    }

    private ApiResponse resetPassword(ApiRequest r) {
        Fields f = new Fields(r.body());
        String password = f.text("password", 200);
        return call(() -> {
            String p = admin.resetPassword(r.requireSession().username(), r.pathParam("username"), password);
            return ctx.json().ok(Map.of("username", r.pathParam("username"), "oneTimePassword", p,
                    "mustChangePassword", true));
        });
    }

    private ApiResponse audit(ApiRequest r) {
        int limit = intParam(r, "limit", 100, 1, 500);
        long before = intParam(r, "before", 0, 0, Integer.MAX_VALUE);
        List<AuditEntry> entries = ctx.ports().audit().recent(limit, before);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("entries", entries);
        out.put("next", entries.size() == limit ? entries.get(entries.size() - 1).id() : null);
        return ctx.json().ok(out);
    }

    /** A JSON null clears an optional value: the empty string tells {@link UserAdministration.Change} so. */
    private static String textOrClear(ApiRequest r, Fields f, String name) {
        if (r.body().has(name) && r.body().get(name).isNull()) {
            return "";
        }
        return f.text(name, 200);
    }

    static int intParam(ApiRequest r, String name, int dflt, int min, int max) {
        String v = r.queryParam(name).orElse(null);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Query parameter '" + name + "' must be a whole number from " + min + " to "
                    + max + "; got '" + v + "'.");
        }
    }

    /** Runs an administrative act, rendering its refusals: bad field 400, unknown user 404. */
    static ApiResponse call(java.util.function.Supplier<ApiResponse> act) {
        try {
            return act.get();
        } catch (InvalidFieldException e) {
            throw new ApiException(400, "invalid_" + e.field(), e.getMessage());
        } catch (UnknownUserException e) {
            throw ApiException.notFound(e.getMessage());
        }
    }

}
