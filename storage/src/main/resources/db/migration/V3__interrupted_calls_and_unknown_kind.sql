-- hotline schema, version 3: the truth of a call's disposition.
--
-- A call the IVR could not finish for a reason other than the caller hanging up (a dependency
-- timeout, the FastAGI connection closing without a hangup, the dialplan's fallback) is
-- recorded as INTERRUPTED, no longer as ABANDONED; a ticket whose call left the IVR before a
-- kind was chosen gets the kind UNKNOWN, so that it still has deadlines (see
-- org.hotline.domain.ticket.CallDisposition and RequestKind).
--
-- The disposition check also admits MISSED, the disposition of a call that reached Asterisk
-- while the service was down (reconciled from Asterisk's records), so that no later migration
-- has to re-create this constraint again.

ALTER TABLE tickets DROP CONSTRAINT tickets_kind_check;
ALTER TABLE tickets ADD CONSTRAINT tickets_kind_check
    CHECK (kind IN ('COMPLAINT','INQUIRY','SUGGESTION','REPORT','REPAIR','URGENT','UNKNOWN'));

ALTER TABLE tickets DROP CONSTRAINT tickets_call_disposition_check;
ALTER TABLE tickets ADD CONSTRAINT tickets_call_disposition_check
    CHECK (call_disposition IN ('QUEUED','ANSWERED','FORWARDED','NO_ANSWER','ABANDONED','VOICEMAIL',
                                'INTERRUPTED','MISSED'));
