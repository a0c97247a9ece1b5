-- Panel sessions survive a restart and are shared by every instance (issue 11). The cookie
-- value is never stored, only its SHA-256, so reading this table gives no one a live session.
-- A session is ended by deleting its row: log-out, idle expiry, and every session of a user
-- when their password changes or they are deactivated.
CREATE TABLE panel_sessions (
    id_hash              text        PRIMARY KEY,
    username             text        NOT NULL,
    display_name         text        NOT NULL,
    role                 text        NOT NULL,
    csrf_token           text        NOT NULL,
    must_change_password boolean     NOT NULL DEFAULT false,
    created_at           timestamptz NOT NULL,
    last_seen            timestamptz NOT NULL
);
CREATE INDEX panel_sessions_username ON panel_sessions (username);
CREATE INDEX panel_sessions_last_seen ON panel_sessions (last_seen);

-- The audit trail of administrative acts: user and role changes, password resets, department
-- changes, roster overrides. Append-only like the ticket history.
CREATE TABLE audit_events (
    id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at      timestamptz NOT NULL,
    actor   text        NOT NULL,
    action  text        NOT NULL,
    subject text,
    detail  jsonb       NOT NULL DEFAULT '{}'::jsonb
);
CREATE TRIGGER audit_events_no_update_delete BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION ticket_events_refuse_change();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION ticket_events_refuse_change();

GRANT SELECT, INSERT, UPDATE, DELETE ON panel_sessions TO ${appRole};
GRANT SELECT, INSERT ON audit_events TO ${appRole};
REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM ${appRole};
