package org.hotline.panel.api;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hotline.domain.store.TicketQuery;
import org.hotline.domain.ticket.Actor;
import org.hotline.domain.ticket.RequestKind;
import org.hotline.domain.ticket.Role;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.ticket.TicketStatus;
import org.hotline.panel.auth.Access;
import org.hotline.panel.http.ApiException;
import org.hotline.panel.http.ApiRequest;
import org.hotline.panel.http.ApiResponse;
import org.hotline.panel.http.Router;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finding any ticket: {@code GET /api/tickets} with filters, newest first, paged with a keyset
 * cursor (stable while new calls arrive), and the same search as CSV
 * ({@code GET /api/exports/tickets.csv}). Both show only what the viewer may see
 * ({@link Ticket#visibleTo}, applied by the store); the export log line names the user and the
 * count, never ticket contents.
 */
public final class SearchRoutes {
    private static final Logger log = LoggerFactory.getLogger(SearchRoutes.class);
    private static final int MAX_EXPORT = 10_000;
    private static final Role[] EXPORTERS = {Role.SUPERVISOR, Role.DUTY_MANAGER, Role.TIP_OFF_HANDLER, Role.SENIOR_MANAGER,
            Role.ADMIN};

    private final PanelContext ctx;

    public SearchRoutes(PanelContext ctx) {
        this.ctx = ctx;
    }

    public void register(Router router) {
        router.add("GET", "/api/tickets", Access.anyUser(), this::search)
              .add("GET", "/api/exports/tickets.csv", Access.roles(EXPORTERS), this::export);
    }

    private ApiResponse search(ApiRequest r) {
        Actor me = ctx.viewer(r.requireSession());
        int limit = UserRoutes.intParam(r, "limit", 50, 1, 200);
        TicketQuery q = query(r, limit + 1);
        List<Ticket> found = ctx.ports().tickets().search(q, me);
        boolean more = found.size() > limit;
        List<Ticket> page = more ? found.subList(0, limit) : found;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("tickets", page.stream().map(TicketView::of).toList());
        out.put("next", more ? cursor(TicketQuery.Cursor.of(page.get(page.size() - 1))) : null);
        return ctx.json().ok(out);
    }

    private ApiResponse export(ApiRequest r) {
        Actor me = ctx.viewer(r.requireSession());
        TicketQuery q = query(r, 500);
        TicketCsv csv = new TicketCsv(ctx.policy().zone());
        int rows = 0;
        while (rows < MAX_EXPORT) {
            TicketQuery page = q;
            List<Ticket> found = ctx.ports().tickets().search(page, me);
            for (Ticket t : found) {
                if (rows++ < MAX_EXPORT) {
                    csv.add(t);
                }
            }
            if (found.size() < q.limit()) {
                break;
            }
            q = q.withBefore(TicketQuery.Cursor.of(found.get(found.size() - 1)));
        }
        log.info("{} exported {} tickets as CSV", me.id(), Math.min(rows, MAX_EXPORT));
        return new ApiResponse(200, "text/csv; charset=utf-8", csv.text().getBytes(StandardCharsets.UTF_8), List.of())
                .withHeader("Content-Disposition", "attachment; filename=\"tickets.csv\"");
    }

    /** The filters of a search request; a bad parameter is a 400 naming it. */
    private TicketQuery query(ApiRequest r, int limit) {
        TicketQuery q = TicketQuery.any(limit)
                .withNumber(param(r, "number", 40))
                .withCaller(param(r, "caller", 40))
                .withLine(param(r, "line", 40))
                .withOwner(param(r, "owner", 80))
                .withDepartment(param(r, "department", 80))
                .withText(param(r, "q", 200))
                .withCreated(time(r, "from", false), time(r, "to", true));
        String kind = param(r, "kind", 40);
        if (kind != null) {
            try {
                q = q.withKind(RequestKind.parse(kind));
            } catch (IllegalArgumentException e) {
                throw badParam("kind", e.getMessage());
            }
        }
        String status = param(r, "status", 200);
        if (status != null) {
            Set<TicketStatus> statuses = EnumSet.noneOf(TicketStatus.class);
            for (String s : status.split(",")) {
                try {
                    statuses.add(TicketStatus.valueOf(s.trim().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw badParam("status", "'" + s.trim() + "' is not a status; use "
                            + String.join(", ", EnumSet.allOf(TicketStatus.class).stream().map(TicketView::wire).toList()));
                }
            }
            q = q.withStatuses(statuses);
        }
        String cursor = param(r, "cursor", 200);
        return cursor == null ? q : q.withBefore(parseCursor(cursor));
    }

    private static String param(ApiRequest r, String name, int max) {
        String v = r.queryParam(name).map(String::trim).orElse(null);
        if (v == null || v.isEmpty()) {
            return null;
        }
        if (v.length() > max) {
            throw badParam(name, "longer than " + max + " characters");
        }
        if (v.chars().anyMatch(Character::isISOControl)) {
            throw badParam(name, "contains a control character");
        }
        return v;
    }

    /** A date ({@code 2026-11-24}: that day's start, or for {@code to} the next day's) or a date-time. */
    private Instant time(ApiRequest r, String name, boolean end) {
        String v = param(r, name, 40);
        if (v == null) {
            return null;
        }
        try {
            if (v.length() == 10) {
                LocalDate d = LocalDate.parse(v);
                return (end ? d.plusDays(1) : d).atStartOfDay(ctx.policy().zone()).toInstant();
            }
            try {
                return OffsetDateTime.parse(v).toInstant();
            } catch (DateTimeException e) {
                return LocalDateTime.parse(v).atZone(ctx.policy().zone()).toInstant();
            }
        } catch (DateTimeException e) {
            throw badParam(name, "must be a date like 2026-11-24 or a date-time like 2026-11-24T17:00; got '" + v + "'");
        }
    }

    static String cursor(TicketQuery.Cursor c) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                (c.createdAt() + "~" + c.id()).getBytes(StandardCharsets.UTF_8));
    }

    private static TicketQuery.Cursor parseCursor(String s) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(s), StandardCharsets.UTF_8).split("~", 2);
            return new TicketQuery.Cursor(Instant.parse(parts[0]), Long.parseLong(parts[1]));
        } catch (IllegalArgumentException | DateTimeException | ArrayIndexOutOfBoundsException e) {
            throw badParam("cursor", "is not a cursor this server gave out; start the search again");
        }
    }

    private static ApiException badParam(String name, String what) {
        return new ApiException(400, "invalid_" + name, "Query parameter '" + name + "' " + what + ".");
    }
}
