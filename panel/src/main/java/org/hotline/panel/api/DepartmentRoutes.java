package org.hotline.panel.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.hotline.domain.ticket.Department;
import org.hotline.domain.ticket.RequestKind;
import org.hotline.domain.ticket.Role;
import org.hotline.panel.auth.Access;
import org.hotline.panel.http.ApiException;
import org.hotline.panel.http.ApiRequest;
import org.hotline.panel.http.ApiResponse;
import org.hotline.panel.http.Router;
import org.hotline.panel.users.DepartmentAdministration;

/**
 * Departments: everyone reads the active ones (dispatch targets); administrators create, edit
 * and deactivate them ({@link DepartmentAdministration} holds the rules).
 */
public final class DepartmentRoutes {
    private static final Role ADMIN = Role.ADMIN;

    private final PanelContext ctx;
    private final DepartmentAdministration admin;

    public DepartmentRoutes(PanelContext ctx, DepartmentAdministration admin) {
        this.ctx = ctx;
        this.admin = admin;
    }

    public void register(Router router) {
        router.add("GET", "/api/departments", Access.anyUser(), this::list)
              .add("POST", "/api/departments", Access.roles(ADMIN), this::create)
              .add("PATCH", "/api/departments/{id}", Access.roles(ADMIN), this::update);
    }

    /** Active departments; {@code ?all=true} (admins) includes deactivated ones. */
    private ApiResponse list(ApiRequest r) {
        boolean all = r.queryParam("all").map("true"::equals).orElse(false)
                && r.requireSession().role() == ADMIN;
        return ctx.json().ok(admin.list().stream().filter(d -> all || d.active())
                .map(DepartmentRoutes::view).toList());
    }

    private ApiResponse create(ApiRequest r) {
        Fields f = new Fields(r.body());
        String id = f.text("id", 200);
        var e = edit(r, f);
        return UserRoutes.call(() -> ctx.json().status(201, view(admin.create(r.requireSession().username(), id, e))));
    }

    private ApiResponse update(ApiRequest r) {
        var e = edit(r, new Fields(r.body()));
        return UserRoutes.call(() -> ctx.json().ok(view(admin.update(r.requireSession().username(), r.pathParam("id"), e))));
    }

    private static DepartmentAdministration.Edit edit(ApiRequest r, Fields f) {
        Boolean active = f.bool("active");
        String manager = r.body().has("manager") && r.body().get("manager").isNull() ? "" : f.text("manager", 200);
        return new DepartmentAdministration.Edit(f.text("name", 500), manager, strings(r.body(), "kinds"),
                strings(r.body(), "lines"), active);
    }

    static List<String> strings(JsonNode body, String name) {
        JsonNode n = body.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isArray() || n.size() > 50) {
            throw new ApiException(400, "invalid_" + name, "Field '" + name + "' must be a list of at most 50 names.");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : n) {
            if (!e.isTextual()) {
                throw new ApiException(400, "invalid_" + name, "Field '" + name + "' must list names as strings.");
            }
            out.add(e.textValue());
        }
        return out;
    }

    static Map<String, Object> view(Department d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("name", d.name());
        m.put("active", d.active());
        m.put("manager", d.manager());
        m.put("kinds", d.kinds().stream().map(RequestKind::configName).sorted().toList());
        m.put("lines", new TreeSet<>(d.lines()));
        return m;
    }
}
