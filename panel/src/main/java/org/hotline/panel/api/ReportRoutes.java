package org.hotline.panel.api;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hotline.domain.report.KpiQuery;
import org.hotline.domain.report.KpiReport;
import org.hotline.domain.report.KpiSeries;
import org.hotline.domain.report.ReportDocument;
import org.hotline.domain.report.StoredReport;
import org.hotline.domain.ticket.Actor;
import org.hotline.domain.ticket.RequestKind;
import org.hotline.domain.ticket.Ticket;
import org.hotline.panel.auth.Access;
import org.hotline.panel.http.ApiException;
import org.hotline.panel.http.ApiRequest;
import org.hotline.panel.http.ApiResponse;
import org.hotline.panel.http.Router;

/**
 * Reports and KPIs: {@code GET /api/reports/kpis}, computed by the domain's
 * {@link org.hotline.domain.report.KpiReports} from the stored facts; the scheduled reports
 * ({@code GET /api/reports}, {@code GET /api/reports/{id}?format=json|csv|xlsx|html}); the same KPIs over time
 * for the charts ({@code GET /api/reports/kpis/series}). KPIs count every ticket,
 * confidential ones included; the tickets a report names (the dissatisfied callers) are only those
 * the viewer may see ({@link Ticket#visibleTo}). For managers (supervisors, duty managers, senior
 * managers, admins).
 */
public final class ReportRoutes {
    /** How many generated reports the list shows. */
    private static final int LIST = 200;
    private final PanelContext ctx;

    public ReportRoutes(PanelContext ctx) {
        this.ctx = ctx;
    }

    public void register(Router router) {
        router.add("GET", "/api/reports/kpis", Access.managers(), this::kpis)
              .add("GET", "/api/reports/kpis/series", Access.managers(), this::series)
              .add("GET", "/api/reports", Access.managers(), this::list)
              .add("GET", "/api/reports/{id}", Access.managers(), this::one);
    }

    /** The generated reports, newest first, without their tables. */
    private ApiResponse list(ApiRequest r) {
        List<Map<String, Object>> out = ctx.ports().generatedReports().list(LIST).stream().map(ReportRoutes::summary).toList();
        return ctx.json().ok(Map.of("reports", out));
    }

    private static Map<String, Object> summary(StoredReport s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("kind", TicketView.wire(s.kind()));
        m.put("title", s.document().title());
        m.put("from", s.from());
        m.put("to", s.to());
        m.put("status", TicketView.wire(s.status()));
        m.put("generatedAt", s.generatedAt());
        m.put("publishedAt", s.publishedAt());
        return m;
    }

    /** One report as JSON, CSV, XLSX or a printable page, with only the rows the viewer may see. */
    private ApiResponse one(ApiRequest r) {
        Actor me = PanelContext.actor(r.requireSession());
        long id = TicketRoutes.parseId(r.pathParam("id"));
        StoredReport stored = ctx.ports().generatedReports().find(id)
                .orElseThrow(() -> ApiException.notFound("No report " + id + "."));
        ReportDocument doc = ReportExport.forViewer(stored.document(),
                row -> row.ticketId() != null && ctx.ports().tickets().find(row.ticketId(), me).isPresent());
        String base = stored.kind().name().toLowerCase(Locale.ROOT) + "-" + stored.from();
        String format = r.queryParam("format").orElse("json");
        switch (format) {
            case "json" -> {
                Map<String, Object> m = summary(stored);
                m.put("sections", doc.sections());
                return ctx.json().ok(m);
            }
            case "csv" -> {
                return new ApiResponse(200, "text/csv; charset=utf-8",
                        ReportExport.csv(stored, doc).getBytes(StandardCharsets.UTF_8), List.of())
                        .withHeader("Content-Disposition", "attachment; filename=\"" + base + ".csv\"");
            }
            case "xlsx" -> {
                return new ApiResponse(200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        ReportExport.xlsx(stored, doc), List.of())
                        .withHeader("Content-Disposition", "attachment; filename=\"" + base + ".xlsx\"");
            }
            case "html" -> {
                return new ApiResponse(200, "text/html; charset=utf-8",
                        ReportExport.html(stored, doc).getBytes(StandardCharsets.UTF_8), List.of());
            }
            default -> throw ApiException.badRequest("Parameter 'format' must be json, csv, xlsx or html, got '"
                    + clip(format) + "'.");
        }
    }

    private ApiResponse kpis(ApiRequest r) {
        Actor me = ctx.viewer(r.requireSession());
        KpiQuery query = query(r);
        KpiReport report = ctx.ports().reports().report(query);
        String format = r.queryParam("format").orElse("json");
        if (format.equals("csv")) {
            String name = "kpis-" + query.from() + "-" + query.to() + ".csv";
            return new ApiResponse(200, "text/csv; charset=utf-8", KpiCsv.of(report).getBytes(StandardCharsets.UTF_8),
                    List.of()).withHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        }
        if (!format.equals("json")) {
            throw ApiException.badRequest("Parameter 'format' must be json or csv, got '" + clip(format) + "'.");
        }
        Map<String, Object> out = queried(query);
        out.put("asOf", report.asOf());
        out.put("workingDays", report.workingDays());
        out.put("total", report.total());
        out.put("asteriskCallRecords", report.asteriskCallRecords().isPresent() ? report.asteriskCallRecords().getAsLong() : null);
        out.put("days", report.days().stream().map(d -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("date", d.date());
            m.put("workingDay", d.workingDay());
            m.put("kpis", d.kpis());
            return m;
        }).toList());
        out.put("byLine", report.byLine());
        out.put("byKind", report.byKind());
        out.put("byDepartment", report.byDepartment());
        out.put("byAgent", report.byAgent());
        out.put("dissatisfied", report.dissatisfied().stream()
                .map(id -> ctx.ports().tickets().find(id, me))
                .flatMap(Optional::stream)
                .map(ReportRoutes::listed).toList());
        return ctx.json().ok(out);
    }

    /**
     * The KPIs over time for the charts: by hour of the day and day by day with the backlog. Counts
     * only, like the KPIs, so nothing in it is confidential.
     */
    private ApiResponse series(ApiRequest r) {
        r.requireSession();
        KpiQuery query = query(r);
        KpiSeries series = ctx.ports().reports().series(query);
        Map<String, Object> out = queried(query);
        out.put("asOf", series.asOf());
        out.put("hours", series.hours());
        out.put("days", series.days());
        return ctx.json().ok(out);
    }

    /** The head of a KPI answer: the query it answers and the zone its days are counted in. */
    private Map<String, Object> queried(KpiQuery query) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", query.from());
        out.put("to", query.to());
        out.put("line", query.line().orElse(null));
        out.put("kind", query.kind().map(TicketView::wire).orElse(null));
        out.put("department", query.department().orElse(null));
        out.put("zone", ctx.policy().zone().getId());
        return out;
    }

    /** A ticket as a report lists it: what it is and who has it, never the caller's identity. */
    static Map<String, Object> listed(Ticket t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("number", t.number());
        m.put("line", t.line());
        m.put("kind", TicketView.wire(t.kind()));
        m.put("status", TicketView.wire(t.status()));
        m.put("department", t.department());
        m.put("owner", t.owner());
        m.put("createdAt", t.createdAt());
        return m;
    }

    private KpiQuery query(ApiRequest r) {
        LocalDate today = ctx.ports().reports().today();
        LocalDate from = date(r, "from").orElse(today.withDayOfMonth(1));
        LocalDate to = date(r, "to").orElse(today);
        Optional<String> line = r.queryParam("line").filter(s -> !s.isEmpty());
        if (line.isPresent() && !ctx.policy().queues().contains(line.get())) {
            throw ApiException.badRequest("Parameter 'line' must be one of " + ctx.policy().queues() + ", got '"
                    + clip(line.get()) + "'.");
        }
        Optional<RequestKind> kind = r.queryParam("kind").filter(s -> !s.isEmpty()).map(k -> {
            try {
                return RequestKind.valueOf(k.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("Parameter 'kind' must be one of complaint, inquiry, suggestion, report, "
                        + "repair, urgent, unknown; got '" + clip(k) + "'.");
            }
        });
        Optional<String> department = r.queryParam("department").filter(s -> !s.isEmpty());
        if (department.isPresent() && department.get().length() > 80) {
            throw ApiException.badRequest("Parameter 'department' must be a department id of at most 80 characters.");
        }
        try {
            return new KpiQuery(from, to, line, kind, department);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("Parameters 'from' and 'to': " + e.getMessage() + ".");
        }
    }

    private static Optional<LocalDate> date(ApiRequest r, String name) {
        return r.queryParam(name).filter(s -> !s.isEmpty()).map(s -> {
            try {
                return LocalDate.parse(s);
            } catch (DateTimeParseException e) {
                throw ApiException.badRequest("Parameter '" + name + "' must be a date like 2026-03-01, got '" + clip(s) + "'.");
            }
        });
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
