package org.hotline.panel.api;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotline.domain.report.KpiReport;
import org.hotline.domain.report.Kpis;

/**
 * A KPI report as CSV, one row per slice: the period, each day, each line, kind, department and
 * agent; one column per KPI in the order of {@link Kpis} (rates as fractions, empty where there
 * was nothing to count). The same cell rules as the ticket export ({@link TicketCsv#cell}: UTF-8
 * with a byte-order mark, CRLF, every cell quoted, formula-like cells defused). Stateless.
 */
final class KpiCsv {
    private static final RecordComponent[] FIELDS = Kpis.class.getRecordComponents();

    private KpiCsv() {}

    static String of(KpiReport r) {
        StringBuilder out = new StringBuilder(TicketCsv.BOM);
        List<String> header = new ArrayList<>(List.of("slice", "key", "from", "to", "working day"));
        for (RecordComponent c : FIELDS) {
            header.add(c.getName());
        }
        TicketCsv.row(out, header);
        TicketCsv.row(out, cells("period", "", r.query().from().toString(), r.query().to().toString(),
                Integer.toString(r.workingDays()), r.total()));
        for (KpiReport.Day d : r.days()) {
            TicketCsv.row(out, cells("day", d.date().toString(), d.date().toString(), d.date().toString(),
                    d.workingDay() ? "yes" : "no", d.kpis()));
        }
        slices(out, r, "line", r.byLine());
        slices(out, r, "kind", r.byKind());
        slices(out, r, "department", r.byDepartment());
        slices(out, r, "agent", r.byAgent());
        return out.toString();
    }

    private static void slices(StringBuilder out, KpiReport r, String slice, Map<String, Kpis> byKey) {
        byKey.forEach((key, k) -> TicketCsv.row(out, cells(slice, key, r.query().from().toString(), r.query().to().toString(), "", k)));
    }

    private static List<String> cells(String slice, String key, String from, String to, String working, Kpis k) {
        List<String> cells = new ArrayList<>(List.of(slice, key, from, to, working));
        for (RecordComponent c : FIELDS) {
            try {
                Object v = c.getAccessor().invoke(k);
                cells.add(v == null ? "" : v.toString());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read KPI " + c.getName(), e);
            }
        }
        return cells;
    }

}
