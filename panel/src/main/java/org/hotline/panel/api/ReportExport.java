package org.hotline.panel.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Predicate;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hotline.domain.report.ReportDocument;
import org.hotline.domain.report.StoredReport;

/**
 * A stored report as a viewer gets it: only the rows they may see (a row naming a confidential
 * ticket is kept only when {@code visible} says so; counts are never filtered), rendered as CSV
 * (the ticket export's rules: BOM, CRLF, quoted, formula-like cells defused), XLSX (Apache POI;
 * one sheet per section, every cell a string cell, formula-like text defused the same way so a
 * spreadsheet never runs it) or a printable HTML page (print stylesheet, text escaped). Stateless.
 */
final class ReportExport {
    private ReportExport() {}

    /** The document with the rows {@code visible} refuses left out. */
    static ReportDocument forViewer(ReportDocument doc, Predicate<ReportDocument.Row> visible) {
        return new ReportDocument(doc.title(), doc.sections().stream().map(s -> new ReportDocument.Section(s.title(),
                s.header(), s.rows().stream().filter(r -> !r.confidential() || visible.test(r)).toList())).toList());
    }

    static String csv(StoredReport r, ReportDocument doc) {
        StringBuilder out = new StringBuilder(TicketCsv.BOM);
        TicketCsv.row(out, List.of(doc.title()));
        TicketCsv.row(out, List.of("period", r.from() + " to " + r.to(), "status", r.status().name().toLowerCase(java.util.Locale.ROOT)));
        for (ReportDocument.Section s : doc.sections()) {
            out.append("\r\n");
            TicketCsv.row(out, List.of(s.title()));
            TicketCsv.row(out, s.header());
            s.rows().forEach(x -> TicketCsv.row(out, x.cells()));
        }
        return out.toString();
    }

    static byte[] xlsx(StoredReport r, ReportDocument doc) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            java.util.Set<String> names = new java.util.HashSet<>();
            for (ReportDocument.Section s : doc.sections()) {
                String name = WorkbookUtil.createSafeSheetName(s.title());
                for (int n = 2; !names.add(name); n++) {
                    name = WorkbookUtil.createSafeSheetName(s.title().substring(0, Math.min(25, s.title().length())) + " " + n);
                }
                Sheet sheet = book.createSheet(name);
                int i = 0;
                cells(sheet.createRow(i++), List.of(doc.title() + " (" + r.from() + " to " + r.to() + ")"), bold);
                cells(sheet.createRow(i++), s.header(), bold);
                for (ReportDocument.Row x : s.rows()) {
                    cells(sheet.createRow(i++), x.cells(), null);
                }
                for (int c = 0; c < s.header().size(); c++) {
                    sheet.setColumnWidth(c, 20 * 256);
                }
            }
            if (doc.sections().isEmpty()) {
                cells(book.createSheet("Report").createRow(0), List.of(doc.title()), bold);
            }
            book.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report as XLSX", e);
        }
    }

    static String html(StoredReport r, ReportDocument doc) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(doc.title())).append("</title><link rel=\"stylesheet\" href=\"/report-print.css\"></head><body>")
                .append("<header><h1>").append(esc(doc.title())).append("</h1><p class=\"meta\">")
                .append(esc(r.from() + " to " + r.to())).append(" · ").append(esc(r.status().name().toLowerCase(java.util.Locale.ROOT)))
                .append(" · generated ").append(esc(String.valueOf(r.generatedAt()))).append("</p>")
                .append("<p class=\"no-print\"><button type=\"button\" id=\"print\">Print</button></p></header>");
        for (ReportDocument.Section s : doc.sections()) {
            h.append("<section><h2>").append(esc(s.title())).append("</h2>");
            if (s.rows().isEmpty()) {
                h.append("<p class=\"empty\">None.</p></section>");
                continue;
            }
            h.append("<table><thead><tr>");
            s.header().forEach(c -> h.append("<th>").append(esc(c)).append("</th>"));
            h.append("</tr></thead><tbody>");
            for (ReportDocument.Row x : s.rows()) {
                h.append("<tr>");
                x.cells().forEach(c -> h.append("<td>").append(esc(c)).append("</td>"));
                h.append("</tr>");
            }
            h.append("</tbody></table></section>");
        }
        return h.append("<script src=\"/report-print.js\"></script></body></html>\n").toString();
    }

    private static void cells(Row row, List<String> values, CellStyle style) {
        for (int c = 0; c < values.size(); c++) {
            Cell cell = row.createCell(c);
            cell.setCellValue(defuse(values.get(c)));
            if (style != null) {
                cell.setCellStyle(style);
            }
        }
    }

    /** A cell a spreadsheet could take for a formula gets an apostrophe in front, as in CSV. */
    static String defuse(String v) {
        String s = v == null ? "" : v;
        return !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }

    private static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }
}
