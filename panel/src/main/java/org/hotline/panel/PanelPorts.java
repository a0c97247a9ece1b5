package org.hotline.panel;

import java.util.Map;
import java.util.Objects;
import org.hotline.panel.roster.RosterOverrideValidator;
import org.hotline.domain.store.DutyOverrideStore;
import org.hotline.domain.store.DepartmentStore;
import org.hotline.domain.store.DispatchQueue;
import org.hotline.domain.store.EventStream;
import org.hotline.domain.store.HandoverStore;
import org.hotline.domain.store.PresenceStore;
import org.hotline.domain.store.TicketStore;
import org.hotline.domain.store.UserStore;
import org.hotline.domain.store.AuditTrail;
import org.hotline.domain.store.SessionStore;
import org.hotline.domain.survey.FailedCallbacks;
import org.hotline.domain.notify.AlertStore;
import org.hotline.domain.notify.NotificationOutbox;
import org.hotline.domain.report.KpiReports;
import org.hotline.domain.report.ReportStore;

/**
 * Everything the panel talks to, injected by the app's composition root. The panel owns none of
 * these (it does not close them). {@code health} maps a dependency name ({@code postgres},
 * {@code redis}, {@code ami}) to its readiness probe, reported separately by
 * {@code /health/ready}. {@code callbacks} is the call-back-failed list of the automatic
 * satisfaction call-back ({@link FailedCallbacks#NONE} when it is off); {@code notifications} the
 * outbox of notifications that leave the panel, whose dead letters supervisors see; {@code reports}
 * the KPIs computed from the stored facts (the reports API); {@code generatedReports} the scheduled
 * reports kept; {@code alerts} the alerts raised and their acknowledgements.
 */
public record PanelPorts(
        TicketStore tickets,
        DispatchQueue queue,
        EventStream events,
        PresenceStore presence,
        UserStore users,
        DepartmentStore departments,
        HandoverStore handovers,
        QueueMemberControl queueMembers,
        CallBoard callBoard,
        DutyOverrideStore rosterOverrides,
        RosterOverrideValidator rosterValidator,
        SessionStore sessions,
        AuditTrail audit,
        Map<String, HealthCheck> health,
        FailedCallbacks callbacks,
        NotificationOutbox notifications,
        KpiReports reports,
        ReportStore generatedReports,
        AlertStore alerts) {


    public PanelPorts {
        Objects.requireNonNull(tickets, "tickets");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(presence, "presence");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(departments, "departments");
        Objects.requireNonNull(handovers, "handovers");
        Objects.requireNonNull(queueMembers, "queueMembers");
        Objects.requireNonNull(callBoard, "callBoard");
        Objects.requireNonNull(rosterOverrides, "rosterOverrides");
        Objects.requireNonNull(rosterValidator, "rosterValidator");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(audit, "audit");
        health = Map.copyOf(health);
        Objects.requireNonNull(callbacks, "callbacks");
        Objects.requireNonNull(notifications, "notifications");
        Objects.requireNonNull(reports, "reports");
        Objects.requireNonNull(generatedReports, "generatedReports");
        Objects.requireNonNull(alerts, "alerts");
    }
}
