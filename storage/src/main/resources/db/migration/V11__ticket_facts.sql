-- hotline schema, version 11: the stored facts reports and KPIs are computed from.
--
-- One row per ticket, written in the same transaction as the ticket itself: at intake (the
-- intake statement inserts the row of a new ticket) and with every change (PgTicketRepository
-- upserts it with the facts org.hotline.domain.report.TicketFacts folds from the change). Reports,
-- exports and the wallboard's counters read only this table (and Asterisk's cdr), so they agree
-- with each other, survive restarts and are the same on every instance. Tickets written before
-- this migration get their row at the next start, folded from their history (PgTicketFacts.backfill).
-- The formulas: routing/KPIS.md.
CREATE TABLE ticket_facts (
    ticket_id         bigint      PRIMARY KEY REFERENCES tickets (id),
    line              text        NOT NULL,
    kind              text,
    department        text,
    confidential      boolean     NOT NULL DEFAULT false,
    caller_number     text,
    location          text,
    offered_at        timestamptz NOT NULL,
    ring_at           timestamptz,
    queued            boolean     NOT NULL DEFAULT false,
    answered_at       timestamptz,
    answered_by       text,
    answered_as       text        CHECK (answered_as IN ('AGENT','DUTY_A','DUTY_B','FALLBACK')),
    duty_a            text,
    duty_b            text,
    abandoned         text        CHECK (abandoned IN ('IVR','QUEUE')),
    missed            boolean     NOT NULL DEFAULT false,
    dispatched_at     timestamptz,
    in_progress_at    timestamptz,
    resolved_at       timestamptz,
    callback_at       timestamptz,
    closed_at         timestamptz,
    deadlines         jsonb       NOT NULL DEFAULT '{}'::jsonb,
    dispatch_count    integer     NOT NULL DEFAULT 0,
    callback_attempts integer     NOT NULL DEFAULT 0,
    last_callback     text,
    is_repeat         boolean     NOT NULL DEFAULT false
);
-- periods are ranges of offered_at; repeat detection looks up a caller's earlier tickets
CREATE INDEX ticket_facts_offered ON ticket_facts (offered_at);
CREATE INDEX ticket_facts_caller ON ticket_facts (caller_number, kind, offered_at) WHERE caller_number IS NOT NULL;

GRANT SELECT, INSERT, UPDATE ON ticket_facts TO ${appRole};
