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
import java.util.Optional;
import org.hotline.domain.roster.RosterSlot;
import org.hotline.domain.store.DutyOverride;
import org.hotline.domain.store.RosterChange;
import org.hotline.domain.ticket.AuditEntry;
import org.hotline.panel.users.InvalidFieldException;
import org.hotline.panel.roster.RosterSwap;
import org.hotline.domain.ticket.Actor;
import org.hotline.domain.ticket.Ticket;

/**
 * Supervisors and duty managers: the wallboard, the roster (who is on each slot; the dated
 * overrides of the duty and lunch slots and swaps of two people, validated before saving and
 * stored with their audit entry in one transaction), and the duty manager's view of calls
 * forwarded to them and after-hours tickets.
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
              .add("POST", "/api/roster/swaps", Access.roles(Role.SUPERVISOR, Role.ADMIN), this::swap)
              .add("GET", "/api/roster/days", Access.managers(), this::days)
              .add("GET", "/api/duty", Access.managers(), this::duty);
    }

    /** Adds or replaces the override of a roster and day: its duty slot, its lunch slot, or both. */
    private ApiResponse saveOverride(ApiRequest r) {
        Fields f = new Fields(r.body());
        DutyOverride o = new DutyOverride(f.requiredText("roster", 40).trim(), f.date("date"),
                trimmed(f.text("dutyA", 40)), trimmed(f.text("dutyB", 40)), trimmed(f.text("lunchA", 40)),
                trimmed(f.text("lunchB", 40)), f.text("note", 200));
        checked(() -> ctx.ports().rosterValidator().checkInput(o));
        refuseBrokenRules(List.of(o));
        Optional<DutyOverride> before = savedOn(o.roster(), o.date());
        Map<String, String> detail = new LinkedHashMap<>(slots("", o));
        before.ifPresent(b -> detail.putAll(slots("was.", b)));
        detail.put("note", o.note());
        ctx.ports().rosterOverrides().apply(RosterChange.save(o, entry(r, "roster.override_saved", o.key(), detail)));
        return ctx.json().ok(o);
    }

    /**
     * Swaps two people on the duty or lunch slot (of one day, or of two days): one act, saved in
     * one transaction with one audit entry naming both people and who swapped them.
     */
    private ApiResponse swap(ApiRequest r) {
        Fields f = new Fields(r.body());
        LocalDate date = f.date("date");
        RosterSwap swap = new RosterSwap(f.requiredText("roster", 40).trim(), slot(f),
                date, f.requiredText("person", 40).trim(), Optional.ofNullable(f.date("withDate")).orElse(date),
                f.requiredText("withPerson", 40).trim(), f.text("note", 200));
        List<DutyOverride> days = checked(() -> swap.overrides(ctx.ports().rosterValidator(), this::savedOn));
        refuseBrokenRules(days);
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("slot", swap.slot().wireName());
        detail.put("person", swap.person());
        detail.put("date", String.valueOf(swap.date()));
        detail.put("withPerson", swap.withPerson());
        detail.put("withDate", String.valueOf(swap.withDate()));
        detail.put("note", swap.note());
        AuditEntry recorded = ctx.ports().rosterOverrides().apply(new RosterChange(days, List.of(),
                entry(r, "roster.swapped", swap.roster(), detail)));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("overrides", days);
        out.put("audit", recorded);
        return ctx.json().ok(out);
    }

    /** Who is on each slot of the coming duty days ({@code roster}, {@code from}, {@code days} 1-62), as routing sees it. */
    private ApiResponse days(ApiRequest r) {
        String roster = r.queryParam("roster").orElse("main");
        LocalDate from;
        int n;
        try {
            from = r.queryParam("from").map(LocalDate::parse).orElse(LocalDate.now(ctx.clock().withZone(ctx.policy().zone())));
        } catch (java.time.DateTimeException e) {
            throw new ApiException(400, "invalid_from", "Query parameter 'from' must be a date like 2026-12-25.");
        }
        try {
            n = Integer.parseInt(r.queryParam("days").orElse("14"));
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1 || n > 62) {
            throw new ApiException(400, "invalid_days", "Query parameter 'days' must be a whole number 1-62.");
        }
        int count = n;
        List<org.hotline.domain.roster.DutyDay> days = checked(() -> ctx.ports().rosterValidator().days(roster, from, count));
        List<Map<String, Object>> out = new java.util.ArrayList<>();
        for (var d : days) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("date", d.date());
            m.put("dutyA", d.dutyA().map(org.hotline.domain.config.Person::id).orElse(null));
            m.put("dutyB", d.dutyB().map(org.hotline.domain.config.Person::id).orElse(null));
            m.put("lunchA", d.lunchA().map(org.hotline.domain.config.Person::id).orElse(null));
            m.put("lunchB", d.lunchB().map(org.hotline.domain.config.Person::id).orElse(null));
            m.put("overridden", d.override().isPresent());
            out.add(m);
        }
        return ctx.json().ok(Map.of("roster", roster, "days", out));
    }

    private static RosterSlot slot(Fields f) {
        RosterSlot slot = f.choice("slot", RosterSlot.class);
        if (slot == null) {
            throw new ApiException(400, "invalid_slot", "Field 'slot' is required: duty or lunch.");
        }
        return slot;
    }

    private Optional<DutyOverride> savedOn(String roster, LocalDate date) {
        return ctx.ports().rosterOverrides().list().stream()
                .filter(o -> o.roster().equals(roster) && o.date().equals(date)).findFirst();
    }

    /** Runs a roster check; an edit wrong in itself is a 400 naming its field. */
    private static <T> T checked(java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (InvalidFieldException e) {
            throw new ApiException(400, "invalid_" + e.field(), e.getMessage());
        }
    }

    private static void checked(Runnable check) {
        checked(() -> {
            check.run();
            return null;
        });
    }

    /** The roster rules ({@code check-config}'s) the edit would break: 422 listing every one, nothing saved. */
    private void refuseBrokenRules(List<DutyOverride> changed) {
        List<String> problems = ctx.ports().rosterValidator().problems(changed);
        if (!problems.isEmpty()) {
            throw ApiException.unprocessable("invalid_override", "The override was not saved: " + String.join("; ", problems));
        }
    }

    private static Map<String, String> slots(String prefix, DutyOverride o) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(prefix + "dutyA", nz(o.dutyA()));
        m.put(prefix + "dutyB", nz(o.dutyB()));
        m.put(prefix + "lunchA", nz(o.lunchA()));
        m.put(prefix + "lunchB", nz(o.lunchB()));
        return m;
    }

    /** Who changed the roster, and when: the entry stored with the change itself. */
    private AuditEntry entry(ApiRequest r, String action, String subject, Map<String, String> detail) {
        return AuditEntry.of(ctx.clock().instant(), r.requireSession().username(), action, subject, detail);
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
        String roster = r.pathParam("roster");
        DutyOverride before = savedOn(roster, date).orElseThrow(() ->
                ApiException.notFound("No override for roster " + roster + " on " + date + "."));
        Map<String, String> detail = new LinkedHashMap<>(slots("was.", before));
        ctx.ports().rosterOverrides().apply(RosterChange.remove(roster, date,
                entry(r, "roster.override_removed", before.key(), detail)));
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
