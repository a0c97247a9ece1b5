-- The closing rules of the domain brief (issue 13), each with its own field: a "valid" complaint
-- closes on a satisfied call-back (last_callback), a "to be improved" one when the caller accepts
-- the explanation (explanation_accepted), an "invalid" one once it is explained (explanation).
-- duty_told names the duty manager told of an after-hours call-back ticket.

ALTER TABLE tickets ADD COLUMN explanation text;
ALTER TABLE tickets ADD COLUMN explanation_accepted boolean NOT NULL DEFAULT false;
ALTER TABLE tickets ADD COLUMN duty_told text;
