-- Notifications that leave the panel (e-mail, signed webhook), issue 13. One row per key: the
-- unique key is what makes an alert raised twice (a restart, a second instance) go out once.
-- claimed_until is a sender's lease; attempts counts failures; dead rows (dead = true) are the
-- dead-letter list.

CREATE TABLE notification_outbox (
    id            bigserial   PRIMARY KEY,
    key           text        NOT NULL UNIQUE,
    kind          text        NOT NULL,
    recipient     text        NOT NULL,
    channel       text        NOT NULL CHECK (channel IN ('EMAIL', 'WEBHOOK')),
    address       text        NOT NULL,
    subject       text        NOT NULL,
    body          text        NOT NULL,
    ticket_id     bigint      NOT NULL DEFAULT 0,
    not_before    timestamptz NOT NULL,
    claimed_until timestamptz,
    attempts      integer     NOT NULL DEFAULT 0,
    last_error    text,
    dead          boolean     NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL,
    sent_at       timestamptz
);
CREATE INDEX notification_outbox_due ON notification_outbox (not_before) WHERE sent_at IS NULL AND NOT dead;
CREATE INDEX notification_outbox_dead ON notification_outbox (created_at) WHERE dead;

GRANT SELECT, INSERT, UPDATE ON notification_outbox TO ${appRole};
GRANT USAGE ON SEQUENCE notification_outbox_id_seq TO ${appRole};
