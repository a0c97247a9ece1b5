-- Dated duty-roster overrides saved in the panel (swaps, leave). They replace the rotation's
-- after-hours duty slot of one roster on one duty day, on top of the configuration file, and
-- must survive a restart. One row per (roster, duty day); a change is an upsert, a removal a
-- delete. Who changed what is in the application log and the panel's audit; this table holds
-- the roster in force.
CREATE TABLE duty_overrides (
    roster      text        NOT NULL,
    duty_date   date        NOT NULL,
    duty_a      text        NOT NULL,
    duty_b      text,
    note        text        NOT NULL DEFAULT '',
    saved_at    timestamptz NOT NULL,
    PRIMARY KEY (roster, duty_date)
);

GRANT SELECT, INSERT, UPDATE, DELETE ON duty_overrides TO ${appRole};
