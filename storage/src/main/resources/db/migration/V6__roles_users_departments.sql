-- People and departments as the panel administers them (issue 11).
--
-- Two more roles: tip-off handlers (the only non-admins who read confidential tip-offs) and
-- senior managers. A user now belongs to a department, may be a person of the duty roster
-- (config `people` id), and may be told to change the password at the next log-in (after an
-- administrator set a one-time password). A phone device belongs to at most one user.
-- Departments name their manager and the kinds of request and lines they handle by default
-- (dispatch proposes the department that handles a ticket's kind on its line).

ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN
    ('AGENT','SUPERVISOR','DUTY_MANAGER','TIP_OFF_HANDLER','SENIOR_MANAGER','ADMIN','SYSTEM'));
ALTER TABLE ticket_events DROP CONSTRAINT ticket_events_actor_role_check;
ALTER TABLE ticket_events ADD CONSTRAINT ticket_events_actor_role_check CHECK (actor_role IN
    ('AGENT','SUPERVISOR','DUTY_MANAGER','TIP_OFF_HANDLER','SENIOR_MANAGER','ADMIN','SYSTEM'));

ALTER TABLE users ADD COLUMN department text;
ALTER TABLE users ADD COLUMN roster_person text;
ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;
CREATE UNIQUE INDEX users_phone_unique ON users (phone) WHERE phone IS NOT NULL;
CREATE UNIQUE INDEX users_roster_person_unique ON users (roster_person) WHERE roster_person IS NOT NULL;

ALTER TABLE departments ADD COLUMN manager text;
ALTER TABLE departments ADD COLUMN kinds text[] NOT NULL DEFAULT '{}';
ALTER TABLE departments ADD COLUMN lines text[] NOT NULL DEFAULT '{}';
