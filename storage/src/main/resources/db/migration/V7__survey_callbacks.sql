-- The satisfaction call-back of resolved tickets (issue 13): one row per ticket and dispatch
-- round, and one row per attempt. The attempt row's primary key is the claim: two instances (or
-- one after a restart) can never both place attempt N of the same call-back.

CREATE TABLE survey_calls (
    ticket_id       bigint      NOT NULL REFERENCES tickets (id),
    round           integer     NOT NULL CHECK (round >= 0),
    ticket_number   text        NOT NULL,
    callback_number text        NOT NULL,
    state           text        NOT NULL CHECK (state IN ('SCHEDULED', 'CALLING', 'ANSWERED', 'FAILED',
                                                          'DONE_BY_HAND', 'CANCELLED')),
    attempts        integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    max_attempts    integer     NOT NULL CHECK (max_attempts BETWEEN 1 AND 10),
    next_at         timestamptz NOT NULL,
    note            text,
    updated_at      timestamptz NOT NULL,
    PRIMARY KEY (ticket_id, round)
);
CREATE INDEX survey_calls_due ON survey_calls (next_at) WHERE state IN ('SCHEDULED', 'CALLING');
CREATE INDEX survey_calls_failed ON survey_calls (updated_at) WHERE state = 'FAILED';
CREATE INDEX survey_calls_number ON survey_calls (callback_number) WHERE state = 'ANSWERED';

CREATE TABLE survey_attempts (
    ticket_id   bigint      NOT NULL,
    round       integer     NOT NULL,
    attempt     integer     NOT NULL CHECK (attempt >= 1),
    instance    text        NOT NULL,
    claimed_at  timestamptz NOT NULL,
    outcome     text,
    finished_at timestamptz,
    PRIMARY KEY (ticket_id, round, attempt),
    FOREIGN KEY (ticket_id, round) REFERENCES survey_calls (ticket_id, round)
);

GRANT SELECT, INSERT, UPDATE ON survey_calls, survey_attempts TO ${appRole};
