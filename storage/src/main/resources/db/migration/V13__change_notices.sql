-- Changes every instance must follow at once (issue 12): a statement trigger on each such table
-- sends NOTIFY hotline_changes with the table's name when the writing transaction commits,
-- whoever wrote it (the panel of any instance, or `hotline.jar user ...` from a shell).
-- Instances LISTEN on one connection each (storage's PgChangeListener) and reload what changed.
CREATE FUNCTION hotline_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('hotline_changes', TG_TABLE_NAME);
    RETURN NULL;
END
$$;

-- roster overrides saved in the panel: every instance's router lays them over the file's rosters
CREATE TRIGGER duty_overrides_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON duty_overrides
    FOR EACH STATEMENT EXECUTE FUNCTION hotline_notify_change();

-- users and their phone devices: every instance's AMI client maps devices to panel users
CREATE TRIGGER users_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON users
    FOR EACH STATEMENT EXECUTE FUNCTION hotline_notify_change();
