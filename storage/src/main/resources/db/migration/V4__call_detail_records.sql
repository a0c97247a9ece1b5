-- Asterisk's own record of every call, written by Asterisk's cdr_pgsql module (see
-- asterisk-config/cdr_pgsql.conf), so that calls the service never saw (it was down, killed,
-- overloaded) still become tickets: the reconciler (org.hotline.ivr.cdr.CallReconciler) reads
-- this table and opens a MISSED ticket for every call to a hotline number without one.
--
-- The layout is the one cdr_pgsql expects: it reads the column names from the catalog when it
-- loads and fills every column named like a CDR field (calldate = the start, clid, src, dst,
-- dcontext, channel, dstchannel, lastapp, lastdata, duration, billsec, disposition, amaflags,
-- accountcode, uniqueid, linkedid, userfield, peeraccount, sequence, dnid) or like a CDR
-- variable the dialplan sets (hotline_dialled: Set(CDR(hotline_dialled)=...) in
-- [hotline-call]). Columns it does not know (id, recorded_at) take their defaults.
-- calldate is UTC wall-clock time (cdr_pgsql.conf timezone=UTC).
CREATE TABLE cdr (
    id              bigserial   PRIMARY KEY,
    calldate        timestamp   NOT NULL,
    clid            text        NOT NULL DEFAULT '',
    src             text        NOT NULL DEFAULT '',
    dst             text        NOT NULL DEFAULT '',
    dcontext        text        NOT NULL DEFAULT '',
    channel         text        NOT NULL DEFAULT '',
    dstchannel      text        NOT NULL DEFAULT '',
    lastapp         text        NOT NULL DEFAULT '',
    lastdata        text        NOT NULL DEFAULT '',
    duration        integer     NOT NULL DEFAULT 0,
    billsec         integer     NOT NULL DEFAULT 0,
    disposition     text        NOT NULL DEFAULT '',
    amaflags        integer     NOT NULL DEFAULT 0,
    accountcode     text        NOT NULL DEFAULT '',
    uniqueid        text        NOT NULL DEFAULT '',
    linkedid        text        NOT NULL DEFAULT '',
    userfield       text        NOT NULL DEFAULT '',
    peeraccount     text        NOT NULL DEFAULT '',
    sequence        integer     NOT NULL DEFAULT 0,
    dnid            text        NOT NULL DEFAULT '',
    hotline_dialled text        NOT NULL DEFAULT '',
    recorded_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cdr_linkedid ON cdr (linkedid);
CREATE INDEX cdr_hotline_recorded ON cdr (recorded_at) WHERE hotline_dialled <> '';

-- One row per call the reconciler has settled (a ticket opened or completed, or nothing to do),
-- so each call is looked at once. Written by the application role only.
CREATE TABLE cdr_reconciled (
    linkedid      text        PRIMARY KEY,
    ticket_id     bigint      REFERENCES tickets (id),
    result        text        NOT NULL,
    reconciled_at timestamptz NOT NULL
);

-- A missed call is a disposition of its own: the service never ran the call (it was down or cut
-- off), Asterisk's dialplan fallback did; the ticket's history says what the fallback did.
-- The Java enum CallDisposition is the list of values; the column only refuses what is not a
-- plain upper-case name, so that later values need no migration of this constraint.
ALTER TABLE tickets DROP CONSTRAINT IF EXISTS tickets_call_disposition_check;
ALTER TABLE tickets ADD CONSTRAINT tickets_call_disposition_name CHECK (call_disposition ~ '^[A-Z][A-Z_]*$');

GRANT SELECT ON cdr TO ${appRole};
GRANT SELECT, INSERT, UPDATE ON cdr_reconciled TO ${appRole};

-- Asterisk writes as hotline_cdr, which may only INSERT into cdr: it cannot read a ticket, a
-- CDR or anything else. The role is created here without a password (NOLOGIN); the service
-- gives it LOGIN and the password of storage.cdr-password at every start. Where the migrating
-- role may not create roles, the DBA creates it (asterisk-config/README.md) and the grants
-- below are made as soon as it exists.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'hotline_cdr') THEN
        BEGIN
            CREATE ROLE hotline_cdr NOLOGIN;
        EXCEPTION WHEN insufficient_privilege THEN
            RAISE WARNING 'cannot create role hotline_cdr (%); create it yourself: CREATE ROLE hotline_cdr LOGIN PASSWORD ''...''; GRANT USAGE ON SCHEMA % TO hotline_cdr; GRANT INSERT ON cdr TO hotline_cdr; GRANT USAGE ON SEQUENCE cdr_id_seq TO hotline_cdr', SQLERRM, current_schema();
            RETURN;
        END;
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO hotline_cdr', current_schema());
    GRANT INSERT ON cdr TO hotline_cdr;
    GRANT USAGE ON SEQUENCE cdr_id_seq TO hotline_cdr;
END
$$;
