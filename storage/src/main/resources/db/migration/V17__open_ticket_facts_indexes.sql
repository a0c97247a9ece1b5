-- The backlog read (the charts' and wallboard's open tickets during a period) takes the
-- still-open tickets by offered_at and the ones closed since the period began by closed_at,
-- each through an index, instead of scanning every fact (tickets left open, abandoned or
-- missed ones among them, only grow in number).
CREATE INDEX ticket_facts_open_offered ON ticket_facts (offered_at) WHERE closed_at IS NULL;
CREATE INDEX ticket_facts_closed ON ticket_facts (closed_at) WHERE closed_at IS NOT NULL;
