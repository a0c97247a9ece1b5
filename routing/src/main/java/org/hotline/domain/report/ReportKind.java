package org.hotline.domain.report;

/** The reports generated on schedule ({@link ReportScheduler}). */
public enum ReportKind {
    /** one local day, generated once the day is over */
    DAILY,
    /** one ISO week (Monday to Sunday): the hot topics by kind and location, generated once the week is over */
    WEEKLY,
    /** one calendar month: prepared on its last working day, published on the first working day of the next */
    MONTHLY,
    /**
     * one calendar quarter: the analysis of repeat callers (the same caller with the same issue
     * twice or more) and repeated repairs (the same location repaired three times or more),
     * generated once the quarter is over
     */
    QUARTERLY
}
