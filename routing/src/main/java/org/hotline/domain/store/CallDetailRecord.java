package org.hotline.domain.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One call detail record as Asterisk wrote it (cdr_pgsql into table {@code cdr}): one leg of a
 * call, from one channel's point of view. Every text is as Asterisk wrote it, untrusted (the
 * caller ID comes from the caller's network); empty fields are empty strings.
 *
 * @param linkedid    the call's linkedid (the tickets' idempotency key)
 * @param uniqueid    the channel's uniqueid
 * @param start       when this record's leg started ({@code calldate})
 * @param src         the caller ID number
 * @param clid        the caller ID as {@code "name" <number>}
 * @param channel     the channel this record is about
 * @param dstchannel  the channel it was connected or dialled to, empty when none
 * @param lastapp     the last dialplan application ({@code Queue}, {@code Dial}, {@code VoiceMail}, {@code AGI} ...)
 * @param lastdata    that application's arguments
 * @param disposition {@code ANSWERED}, {@code NO ANSWER}, {@code BUSY}, {@code FAILED}, {@code CONGESTION}
 * @param billsec     seconds from answer to hang-up
 * @param sequence    Asterisk's sequence number of the record, in the order of the legs
 * @param dialled     the hotline number the dialplan recorded ({@code CDR(hotline_dialled)}), empty
 *                    for a leg that did not run the hotline dialplan
 */
public record CallDetailRecord(String linkedid, String uniqueid, Instant start, String src, String clid,
        String channel, String dstchannel, String lastapp, String lastdata, String disposition, int billsec,
        int sequence, String dialled) {

    public CallDetailRecord {
        Objects.requireNonNull(linkedid, "linkedid");
        Objects.requireNonNull(start, "start");
        uniqueid = orEmpty(uniqueid);
        src = orEmpty(src);
        clid = orEmpty(clid);
        channel = orEmpty(channel);
        dstchannel = orEmpty(dstchannel);
        lastapp = orEmpty(lastapp);
        lastdata = orEmpty(lastdata);
        disposition = orEmpty(disposition);
        dialled = orEmpty(dialled);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
