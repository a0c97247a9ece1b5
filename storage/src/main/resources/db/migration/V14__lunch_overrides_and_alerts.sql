-- Issue 11, roster editing and alerts.
--
-- A roster override saved in the panel may now change the lunch turn as well as the after-hours
-- duty slot of its day: duty_a is no longer required, lunch_a/lunch_b are added, and a row must
-- override at least one slot. The row stays one per (roster, duty day), so the change notice of
-- V13 (trigger duty_overrides_changed) covers lunch changes too: every instance's router follows
-- them within a second. saved_by is who made the latest change; the full story of who changed
-- what is in audit_events, written in the same transaction as the row.
ALTER TABLE duty_overrides ALTER COLUMN duty_a DROP NOT NULL;
ALTER TABLE duty_overrides ADD COLUMN lunch_a text;
ALTER TABLE duty_overrides ADD COLUMN lunch_b text;
ALTER TABLE duty_overrides ADD COLUMN saved_by text NOT NULL DEFAULT '';
ALTER TABLE duty_overrides ADD CONSTRAINT duty_overrides_some_slot CHECK (duty_a IS NOT NULL OR lunch_a IS NOT NULL);
ALTER TABLE duty_overrides ADD CONSTRAINT duty_overrides_b_needs_a
    CHECK ((duty_b IS NULL OR duty_a IS NOT NULL) AND (lunch_b IS NULL OR lunch_a IS NOT NULL));

-- The alerts the service raised (escalations, major complaints, deadline alerts, failed
-- call-backs, after-hours call-backs, follow-ups, the morning list): one row per alert key, kept
-- whether or not anyone has a contact to mail it to, until someone acknowledges it. The shift
-- handover counts the unacknowledged ones. An acknowledgement is written once (who, when) and
-- never changed afterwards; rows are never deleted.
CREATE TABLE alerts (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    alert_key       text        NOT NULL UNIQUE,
    kind            text        NOT NULL,
    subject         text        NOT NULL,
    ticket_id       bigint      NOT NULL DEFAULT 0,
    recipients      text[]      NOT NULL DEFAULT '{}',
    urgent          boolean     NOT NULL DEFAULT false,
    raised_at       timestamptz NOT NULL,
    acknowledged_by text,
    acknowledged_at timestamptz,
    CHECK ((acknowledged_by IS NULL) = (acknowledged_at IS NULL))
);
CREATE INDEX alerts_open ON alerts (id) WHERE acknowledged_at IS NULL;

CREATE FUNCTION alerts_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' OR TG_OP = 'TRUNCATE' THEN
        RAISE EXCEPTION 'alerts are kept: % is refused', TG_OP;
    END IF;
    IF OLD.acknowledged_at IS NOT NULL
       OR NEW.id <> OLD.id OR NEW.alert_key <> OLD.alert_key OR NEW.kind <> OLD.kind OR NEW.subject <> OLD.subject
       OR NEW.ticket_id <> OLD.ticket_id OR NEW.recipients <> OLD.recipients OR NEW.urgent <> OLD.urgent
       OR NEW.raised_at <> OLD.raised_at THEN
        RAISE EXCEPTION 'an alert is only ever acknowledged, once';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER alerts_acknowledge_only BEFORE UPDATE OR DELETE ON alerts
    FOR EACH ROW EXECUTE FUNCTION alerts_refuse_change();
CREATE TRIGGER alerts_no_truncate BEFORE TRUNCATE ON alerts
    FOR EACH STATEMENT EXECUTE FUNCTION alerts_refuse_change();

GRANT SELECT, INSERT, UPDATE ON alerts TO ${appRole};
