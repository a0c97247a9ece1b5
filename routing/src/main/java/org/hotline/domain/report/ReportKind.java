package org.hotline.domain.report;

/** The reports generated on schedule ({@link ReportScheduler}). */
public enum ReportKind {
    /** one local day, generated once the day is over */
    DAILY,
    /** one ISO week (Monday to Sunday): the hot topics by kind and location, generated once the week is over */
    WEEKLY,
    /** one calendar month: prepared on its last working day, published on the first working day of the next */
    MONTHLY
}
