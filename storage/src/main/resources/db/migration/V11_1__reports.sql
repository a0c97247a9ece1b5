-- hotline schema, version 11.1: the scheduled reports (daily summary, weekly hot topics, monthly
-- report), generated once across instances and kept. One row per kind and first date; a monthly
-- report is PREPARED on the last working day of its month and replaced by its PUBLISHED version
-- on the first working day of the next (org.hotline.domain.report.ReportScheduler). The tables
-- are a JSON document (org.hotline.domain.report.ReportDocument); rows that name a confidential
-- ticket say so, and the panel shows them only to who may see the ticket.
CREATE TABLE reports (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind         text        NOT NULL CHECK (kind IN ('DAILY','WEEKLY','MONTHLY')),
    period_from  date        NOT NULL,
    period_to    date        NOT NULL CHECK (period_to >= period_from),
    status       text        NOT NULL CHECK (status IN ('PREPARED','PUBLISHED')),
    generated_at timestamptz NOT NULL,
    published_at timestamptz,
    document     jsonb       NOT NULL,
    UNIQUE (kind, period_from)
);

GRANT SELECT, INSERT, UPDATE ON reports TO ${appRole};
