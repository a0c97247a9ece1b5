package org.hotline.domain.report;

import java.util.List;
import java.util.Objects;

/**
 * A generated report as tables: what is stored, listed, exported (CSV, XLSX) and printed. Cells
 * are text, already formatted for people. A row that names a ticket carries its id and whether it
 * is confidential, so a viewer is only shown the confidential rows they may see; counts in other
 * sections include every ticket. An immutable value.
 *
 * @param title    e.g. "Monthly report 2026-03"
 * @param sections in reading order
 */
public record ReportDocument(String title, List<Section> sections) {

    public ReportDocument {
        Objects.requireNonNull(title, "title");
        sections = List.copyOf(sections);
    }

    /** One table. */
    public record Section(String title, List<String> header, List<Row> rows) {
        public Section {
            Objects.requireNonNull(title, "title");
            header = List.copyOf(header);
            rows = List.copyOf(rows);
        }
    }

    /**
     * One row; {@code ticketId} {@code null} when it names no ticket.
     */
    public record Row(List<String> cells, Long ticketId, boolean confidential) {
        public Row {
            cells = cells.stream().map(c -> c == null ? "" : c).toList();
        }

        /** A row that names no ticket. */
        public static Row of(String... cells) {
            return new Row(List.of(cells), null, false);
        }
    }
}
