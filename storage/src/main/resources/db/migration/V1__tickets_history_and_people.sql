-- hotline schema, version 1.
--
-- Runs as the schema OWNER (the migrating role). The application connects as the role named
-- by the placeholder ${appRole}, which must exist before this runs (the storage bootstrap
-- creates it for the embedded server; on a real server the DBA creates it, see
-- storage/README-storage.md). The application role gets only the rights it needs: it can
-- never UPDATE, DELETE or TRUNCATE the history, and a trigger stops even the owner.

CREATE TABLE tickets (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    number             text        NOT NULL UNIQUE,
    line               text        NOT NULL,
    kind               text        CHECK (kind IN ('COMPLAINT','INQUIRY','SUGGESTION','REPORT','REPAIR','URGENT')),
    urgency            text        NOT NULL CHECK (urgency IN ('LOW','NORMAL','HIGH','EMERGENCY')),
    status             text        NOT NULL CHECK (status IN ('ACCEPTED','DISPATCHED','IN_PROGRESS','RESOLVED',
                                                              'CALLBACK','CLOSED','ABANDONED','MISSED')),
    caller_number      text,
    caller_name        text,
    callback_number    text,
    location           text,
    description        text,
    voice_message_ref  text,
    uniqueid           text,
    linkedid           text        NOT NULL UNIQUE,
    owner              text,
    department         text,
    classification     text        CHECK (classification IN ('VALID','TO_BE_IMPROVED','INVALID')),
    confidential       boolean     NOT NULL DEFAULT false,
    dispatch_count     integer     NOT NULL DEFAULT 0 CHECK (dispatch_count >= 0),
    escalated          boolean     NOT NULL DEFAULT false,
    call_disposition   text        CHECK (call_disposition IN ('QUEUED','ANSWERED','FORWARDED','NO_ANSWER',
                                                                'ABANDONED','VOICEMAIL')),
    forwarded_to       text,
    callback_requested boolean     NOT NULL DEFAULT false,
    last_callback      text        CHECK (last_callback IN ('SATISFIED','UNSATISFIED','NO_ANSWER')),
    plan               text,
    resolution         text,
    resolved_by        text,
    version            bigint      NOT NULL DEFAULT 0,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL
);
CREATE INDEX tickets_caller_number ON tickets (caller_number, created_at DESC) WHERE caller_number IS NOT NULL;
CREATE INDEX tickets_callback_number ON tickets (callback_number, created_at DESC) WHERE callback_number IS NOT NULL;
CREATE INDEX tickets_open_status ON tickets (status, line) WHERE status <> 'CLOSED';
CREATE INDEX tickets_owner ON tickets (owner) WHERE owner IS NOT NULL AND status <> 'CLOSED';
CREATE INDEX tickets_forwarded_to ON tickets (forwarded_to, created_at DESC) WHERE forwarded_to IS NOT NULL;
CREATE INDEX tickets_awaiting_agent ON tickets (id) WHERE owner IS NULL AND callback_requested AND status <> 'CLOSED';

CREATE TABLE ticket_deadlines (
    ticket_id bigint      NOT NULL REFERENCES tickets (id),
    step      text        NOT NULL,
    due_at    timestamptz NOT NULL,
    PRIMARY KEY (ticket_id, step)
);
CREATE INDEX ticket_deadlines_due ON ticket_deadlines (due_at);

-- The append-only history.
CREATE TABLE ticket_events (
    ticket_id  bigint      NOT NULL REFERENCES tickets (id),
    seq        integer     NOT NULL CHECK (seq >= 1),
    at         timestamptz NOT NULL,
    actor      text        NOT NULL,
    actor_role text        NOT NULL CHECK (actor_role IN ('AGENT','SUPERVISOR','DUTY_MANAGER','ADMIN','SYSTEM')),
    action     text        NOT NULL,
    from_state text,
    to_state   text        NOT NULL,
    note       text,
    data       jsonb       NOT NULL DEFAULT '{}'::jsonb,
    PRIMARY KEY (ticket_id, seq)
);

CREATE FUNCTION ticket_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ticket_events is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER ticket_events_no_update_delete BEFORE UPDATE OR DELETE ON ticket_events
    FOR EACH ROW EXECUTE FUNCTION ticket_events_refuse_change();
CREATE TRIGGER ticket_events_no_truncate BEFORE TRUNCATE ON ticket_events
    FOR EACH STATEMENT EXECUTE FUNCTION ticket_events_refuse_change();

-- Gap-tolerant human numbers, one sequence per year, created on first use. SECURITY DEFINER so
-- the application role needs no CREATE right on the schema.
CREATE FUNCTION next_ticket_number(y integer) RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = ${flyway:defaultSchema}, pg_temp AS $$
DECLARE
    seq text := 'ticket_number_' || y;
BEGIN
    IF y < 2000 OR y > 9999 THEN
        RAISE EXCEPTION 'ticket year % out of range', y;
    END IF;
    IF to_regclass(quote_ident(current_schema()) || '.' || seq) IS NULL THEN
        BEGIN
            EXECUTE format('CREATE SEQUENCE IF NOT EXISTS %I.%I', current_schema(), seq);
        EXCEPTION WHEN unique_violation OR duplicate_table THEN
            NULL; -- created concurrently
        END;
    END IF;
    RETURN nextval(quote_ident(current_schema()) || '.' || seq);
END
$$;

-- Every number that ever called, with the name it first gave and when. Written once at intake
-- (insert-if-absent, so concurrent calls never wait on one row); counts and recency come from
-- tickets (indexed by caller number).
CREATE TABLE callers (
    number     text        PRIMARY KEY,
    first_name text,
    first_seen timestamptz NOT NULL,
    note       text
);

CREATE TABLE departments (
    id     text    PRIMARY KEY,
    name   text    NOT NULL,
    active boolean NOT NULL DEFAULT true
);

CREATE TABLE users (
    username      text        PRIMARY KEY,
    display_name  text,
    role          text        NOT NULL CHECK (role IN ('AGENT','SUPERVISOR','DUTY_MANAGER','ADMIN','SYSTEM')),
    password_hash text        NOT NULL,
    phone         text,
    active        boolean     NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE shift_handovers (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at             timestamptz NOT NULL,
    on_duty        text        NOT NULL,
    handed_over_by text        NOT NULL,
    open_items     integer     NOT NULL CHECK (open_items >= 0),
    follow_up      text,
    notes          text
);

-- Transactional outbox: a row per ticket change the Redis side must follow (queue membership).
-- Written in the ticket's transaction, drained by OutboxRelay.
CREATE TABLE outbox (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ticket_id  bigint      NOT NULL,
    created_at timestamptz NOT NULL
);

GRANT USAGE ON SCHEMA ${flyway:defaultSchema} TO ${appRole};
GRANT SELECT, INSERT, UPDATE ON tickets, callers, departments, users TO ${appRole};
GRANT SELECT, INSERT, UPDATE, DELETE ON ticket_deadlines TO ${appRole};
GRANT SELECT, INSERT, UPDATE, DELETE ON outbox TO ${appRole};  -- UPDATE: SELECT ... FOR UPDATE SKIP LOCKED
GRANT SELECT, INSERT ON ticket_events, shift_handovers TO ${appRole};
REVOKE UPDATE, DELETE, TRUNCATE ON ticket_events, shift_handovers FROM ${appRole};
GRANT EXECUTE ON FUNCTION next_ticket_number(integer) TO ${appRole};
