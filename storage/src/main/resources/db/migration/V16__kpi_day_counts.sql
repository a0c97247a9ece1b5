-- hotline schema, version 16: the daily sums of ticket_facts, so a month's report reads a few
-- thousand rows instead of a row per ticket (issue 14: a monthly report over 1,000,000 tickets in
-- under 2 s). org.hotline.storage.pg.PgKpiRollup says how they stay exact; in short:
--
-- * kpi_day_counts: org.hotline.domain.report.KpiCounts (the numerators and denominators of every
--   KPI, in the order of KpiCounts.values()) per local day and slice (line, kind, department,
--   answering agent). topic_day_counts: tickets per local day, kind and location (hot topics).
--   Whoever writes a ticket_facts row that is in the sums moves its contribution in the same
--   transaction (takes back the old one, adds the new). Each slice is spread over a few stripe rows (the writer's backend pid modulo
--   8) so concurrent writers seldom wait for each other; readers sum the stripes. The slice and
--   topic columns are an unambiguous text encoding of the nullable parts (the primary key).
-- * ticket_facts.rolled: the row's contribution is in the sums. New tickets' rows (intake leaves
--   them out), rows written before this version and by the history backfill are not; reports
--   count them from the row until PgKpiRollup.rollUp adds them (at start and every maintenance
--   round of storage).
-- * kpi_sums_rule: which step rule the sums are counted with; a start with another one clears
--   them and marks every row not rolled, and the roll-up counts them again.
-- * ticket_facts.undecided_until: the latest due instant of a deadline step not met yet. A
--   contribution counts unmet steps as decided; a report as of an earlier instant reads those
--   rows again and counts them as of its instant.
ALTER TABLE ticket_facts ADD COLUMN rolled boolean NOT NULL DEFAULT false,
                         ADD COLUMN undecided_until timestamptz;
CREATE INDEX ticket_facts_unrolled ON ticket_facts (ticket_id) WHERE NOT rolled;
CREATE INDEX ticket_facts_undecided ON ticket_facts (undecided_until) WHERE undecided_until IS NOT NULL;
-- the report's lists: dissatisfied callers, failed call-backs
CREATE INDEX ticket_facts_follow_up ON ticket_facts (last_callback, offered_at)
    WHERE last_callback IN ('UNSATISFIED', 'NO_ANSWER');

CREATE TABLE kpi_day_counts (
    day                        date     NOT NULL,
    slice                      text     NOT NULL,
    stripe                     smallint NOT NULL,
    line                       text     NOT NULL,
    kind                       text,
    department                 text,
    agent                      text,
    tickets                    bigint NOT NULL DEFAULT 0,
    offered                    bigint NOT NULL DEFAULT 0,
    rang                       bigint NOT NULL DEFAULT 0,
    answered                   bigint NOT NULL DEFAULT 0,
    answered_within_threshold  bigint NOT NULL DEFAULT 0,
    wait_millis                bigint NOT NULL DEFAULT 0,
    waits_measured             bigint NOT NULL DEFAULT 0,
    abandoned_in_ivr           bigint NOT NULL DEFAULT 0,
    abandoned_in_queue         bigint NOT NULL DEFAULT 0,
    forwarded                  bigint NOT NULL DEFAULT 0,
    answered_by_a              bigint NOT NULL DEFAULT 0,
    answered_by_b              bigint NOT NULL DEFAULT 0,
    forwarded_unanswered       bigint NOT NULL DEFAULT 0,
    missed                     bigint NOT NULL DEFAULT 0,
    steps_decided              bigint NOT NULL DEFAULT 0,
    steps_on_time              bigint NOT NULL DEFAULT 0,
    tickets_decided            bigint NOT NULL DEFAULT 0,
    tickets_late               bigint NOT NULL DEFAULT 0,
    dispatched                 bigint NOT NULL DEFAULT 0,
    redispatched               bigint NOT NULL DEFAULT 0,
    complaints                 bigint NOT NULL DEFAULT 0,
    repeat_complaints          bigint NOT NULL DEFAULT 0,
    callbacks_required         bigint NOT NULL DEFAULT 0,
    callbacks_attempted        bigint NOT NULL DEFAULT 0,
    callbacks_reached          bigint NOT NULL DEFAULT 0,
    satisfied                  bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (day, slice, stripe)
);

CREATE TABLE topic_day_counts (
    day      date     NOT NULL,
    topic    text     NOT NULL,
    stripe   smallint NOT NULL,
    kind     text     NOT NULL,
    location text,
    tickets  bigint   NOT NULL DEFAULT 0,
    PRIMARY KEY (day, topic, stripe)
);

-- the StepRule the sums are counted with (StepRule.fingerprint: the configured done-at of each
-- step); a start with another one counts them again (PgKpiRollup.countWith). NULL: not yet known.
CREATE TABLE kpi_sums_rule (
    only_row    boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    fingerprint text
);
INSERT INTO kpi_sums_rule (fingerprint) VALUES (NULL);

GRANT SELECT, INSERT, UPDATE, DELETE ON kpi_day_counts, topic_day_counts TO ${appRole};
GRANT SELECT, UPDATE ON kpi_sums_rule TO ${appRole};
