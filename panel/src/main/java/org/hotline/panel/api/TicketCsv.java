package org.hotline.panel.api;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.hotline.domain.ticket.Ticket;

/**
 * Tickets as CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads Chinese text
 * right), CRLF line ends, every cell quoted, and a cell that a spreadsheet would run as a
 * formula (starting with {@code = + - @}, a tab or a carriage return) prefixed with an
 * apostrophe, so a caller's text can never become a formula. Times in the hotline's zone.
 * Stateless.
 */
final class TicketCsv {
    static final String BOM = "\uFEFF";
    private static final List<String> HEADER = List.of("number", "created", "line", "kind", "urgency", "status",
            "caller number", "caller name", "callback number", "location", "description", "owner", "department",
            "classification", "confidential");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ZoneId zone;
    private final StringBuilder out = new StringBuilder(BOM);

    TicketCsv(ZoneId zone) {
        this.zone = zone;
        row(HEADER);
    }

    void add(Ticket t) {
        row(List.of(t.number(), TIME.format(t.createdAt().atZone(zone)), t.line(), wire(t.kind()), wire(t.urgency()),
                wire(t.status()), nz(t.callerNumber()), nz(t.callerName()), nz(t.callbackNumber()), nz(t.location()),
                nz(t.description()), nz(t.owner()), nz(t.department()), wire(t.classification()),
                Boolean.toString(t.confidential())));
    }

    String text() {
        return out.toString();
    }

    private void row(List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    /** One CSV line of formula-safe cells, ended by CRLF. */
    static void row(StringBuilder out, java.util.List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    /** One quoted, formula-safe cell. */
    static String cell(String v) {
        String s = v == null ? "" : v;
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    private static String wire(Enum<?> e) {
        return e == null ? "" : TicketView.wire(e);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
