package org.hotline.app.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.hotline.domain.report.KpiReports;
import org.hotline.domain.report.Kpis;
import org.hotline.panel.CallBoard;

/**
 * The wallboard's call side: callers waiting now from the live board ({@code live}, fed by the
 * call flow on this instance), and today's counters from the stored facts, computed by the same
 * {@link KpiReports} as the reports, so the wallboard agrees with itself (an answer reported twice
 * is one answered call), with the reports, and across instances and restarts. Today's counts are
 * read at most once per {@code refresh}; while the store cannot be read the last counts read are
 * kept. Thread-safe.
 */
final class StoredCallBoard implements CallBoard {
    private final CallBoard live;
    private final KpiReports reports;
    private final Clock clock;
    private final Duration refresh;
    private Kpis today;
    private Instant readAt;

    StoredCallBoard(CallBoard live, KpiReports reports, Clock clock, Duration refresh) {
        this.live = live;
        this.reports = reports;
        this.clock = clock;
        this.refresh = refresh;
    }

    @Override
    public Snapshot snapshot() {
        Snapshot now = live.snapshot();
        Kpis k = today();
        return new Snapshot(now.callsWaiting(), now.longestWait(), k.offered(), k.answered(),
                k.abandonedInIvr() + k.abandonedInQueue(), k.forwardedToDuty());
    }

    private synchronized Kpis today() {
        Instant now = clock.instant();
        if (today == null || readAt == null || !now.isBefore(readAt.plus(refresh)) || now.isBefore(readAt)) {
            try {
                today = reports.todaySoFar();
                readAt = now;
            } catch (RuntimeException e) {
                if (today == null) {
                    throw e; // nothing known yet: the wallboard reports the store's failure like its other parts
                }
                // PostgreSQL unreachable: keep showing the last counts read (the live waiting callers still move)
                readAt = now;
            }
        }
        return today;
    }
}
