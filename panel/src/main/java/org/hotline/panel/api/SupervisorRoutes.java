package org.hotline.panel.api;

import org.hotline.domain.ticket.Role;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.panel.auth.Access;
import org.hotline.panel.http.ApiException;
import org.hotline.panel.http.ApiRequest;
import org.hotline.panel.http.ApiResponse;
import org.hotline.panel.http.Router;
import org.hotline.domain.store.DutyOverride;
import org.hotline.domain.ticket.Actor;
import org.hotline.domain.ticket.Ticket;

/**
 * Supervisors and duty managers: the wallboard, the roster's dated overrides (validated before
 * saving), and the duty manager's view of calls forwarded to them and after-hours tickets.
 */
public final class SupervisorRoutes {

    private final PanelContext ctx;
    private final Wallboard wallboard;

    public SupervisorRoutes(PanelContext ctx, Wallboard wallboard) {
        this.ctx = ctx;
        this.wallboard = wallboard;
    }

    public void register(Router router) {
        router.add("GET", "/api/wallboard", Access.managers(), r -> ctx.json().ok(wallboard.snapshot()))
              .add("GET", "/api/roster/overrides", Access.managers(), r -> ctx.json().ok(ctx.ports().rosterOverrides().list()))
              .add("PUT", "/api/roster/overrides", Access.roles(Role.SUPERVISOR, Role.ADMIN), this::saveOverride)
              .add("DELETE", "/api/roster/overrides/{roster}/{date}", Access.roles(Role.SUPERVISOR, Role.ADMIN), this::deleteOverride)
              .add("GET", "/api/duty", Access.managers(), this::duty);
    }

    private ApiResponse saveOverride(ApiRequest r) {
        Fields f = new Fields(r.body());
        DutyOverride o = new DutyOverride(f.requiredText("roster", 40).trim(), f.date("date"),
                trimmed(f.text("dutyA", 40)), trimmed(f.text("dutyB", 40)), f.text("note", 200));
        List<String> problems = ctx.ports().rosterValidator().problems(o);
        if (!problems.isEmpty()) {
            throw ApiException.unprocessable("invalid_override", "The override was not saved: " + String.join("; ", problems));
        }
        DutyOverride saved = ctx.ports().rosterOverrides().save(o);
        audit(r, "roster.override_saved", o.roster() + "/" + o.date(), Map.of("dutyA", nz(o.dutyA()), "dutyB", nz(o.dutyB()),
                "note", nz(o.note())));
        return ctx.json().ok(saved);
    }

    /** Who changed the roster, and when: every override saved or removed is in the audit trail. */
    private void audit(ApiRequest r, String action, String subject, Map<String, String> detail) {
        ctx.ports().audit().record(org.hotline.domain.ticket.AuditEntry.of(ctx.clock().instant(),
                r.requireSession().username(), action, subject, detail));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private ApiResponse deleteOverride(ApiRequest r) {
        LocalDate date;
        try {
            date = LocalDate.parse(r.pathParam("date"));
        } catch (java.time.DateTimeException e) {
            throw ApiException.badRequest("The date must look like 2026-12-25.");
        }
        if (!ctx.ports().rosterOverrides().remove(r.pathParam("roster"), date)) {
            throw ApiException.notFound("No override for roster " + r.pathParam("roster") + " on " + date + ".");
        }
        audit(r, "roster.override_removed", r.pathParam("roster") + "/" + date, Map.of());
        return ApiResponse.noContent();
    }

    /**
     * Forwarded calls and after-hours tickets for a duty manager: their own, or {@code ?person=} for
     * supervisors; {@code ?hours=} how far back (default 24).
     */
    private ApiResponse duty(ApiRequest r) {
        var s = r.requireSession();
        Actor me = ctx.viewer(s);
        String person = r.queryParam("person").filter(p -> s.role() != Role.DUTY_MANAGER).orElse(s.username());
        long hours;
        try {
            hours = Long.parseLong(r.queryParam("hours").orElse("24"));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Query parameter 'hours' must be a whole number.");
        }
        if (hours < 1 || hours > 24 * 31) {
            throw ApiException.badRequest("Query parameter 'hours' must be 1-744.");
        }
        Instant since = ctx.clock().instant().minus(Duration.ofHours(hours));
        List<Ticket> all = ctx.ports().tickets().forwardedTo(person, since, me);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("person", person);
        out.put("since", since);
        out.put("forwarded", all.stream().filter(t -> person.equals(t.forwardedTo())).map(TicketView::of).toList());
        out.put("afterHours", all.stream().filter(t -> !person.equals(t.forwardedTo())).map(TicketView::of).toList());
        return ctx.json().ok(out);
    }

    private static String trimmed(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
