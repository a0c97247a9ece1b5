-- hotline schema, version 15: links between a caller's tickets, and the quarterly analysis.
--
-- A ticket may name an earlier ticket of the same caller (org.hotline.domain.ticket.TicketAction.LinkEarlier):
-- SAME_ISSUE when an agent judged it the same issue (a repeat whatever its kind and location),
-- ESCALATION when the caller escalated it to the next tier of complaint line (project, area,
-- company; linked automatically at intake or by an agent). Both tickets' histories record the link.
ALTER TABLE tickets
    ADD COLUMN linked_to   bigint REFERENCES tickets (id),
    ADD COLUMN link_reason text   CHECK (link_reason IN ('SAME_ISSUE','ESCALATION')),
    ADD CONSTRAINT tickets_link_named CHECK ((linked_to IS NULL) = (link_reason IS NULL)),
    ADD CONSTRAINT tickets_link_not_self CHECK (linked_to <> id);

-- Repeat detection (org.hotline.domain.ticket.RepeatRule) reads the call-back number (the same
-- caller from another phone) and the link from the facts; earlier rows get the call-back number
-- from their ticket (no ticket was linked before this version).
ALTER TABLE ticket_facts
    ADD COLUMN callback_number text,
    ADD COLUMN linked_to       bigint;
UPDATE ticket_facts f SET callback_number = t.callback_number
  FROM tickets t WHERE t.id = f.ticket_id AND t.callback_number IS NOT NULL;
CREATE INDEX ticket_facts_callback ON ticket_facts (callback_number, offered_at) WHERE callback_number IS NOT NULL;

-- The quarterly analysis of repeat callers and repeated repairs is a scheduled report too.
ALTER TABLE reports DROP CONSTRAINT reports_kind_check;
ALTER TABLE reports ADD CONSTRAINT reports_kind_check CHECK (kind IN ('DAILY','WEEKLY','MONTHLY','QUARTERLY'));
