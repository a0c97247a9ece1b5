package org.hotline.ivr.cdr;

import java.time.Instant;
import org.hotline.domain.store.CallDetailRecord;

/**
 * Call records shaped as Asterisk 22 writes them for the production dialplan (taken from a real
 * run: the caller's two Local legs, the hotline leg's records per application, the phones' legs).
 */
final class Cdr {
    static final Instant T0 = Instant.parse("2026-12-02T03:21:09Z");

    private Cdr() {}

    /** A record of the hotline leg (it ran hotline-call: CDR(hotline_dialled) is set). */
    static CallDetailRecord hotline(String linkedid, int sequence, String lastapp, String lastdata, String dstchannel,
            String disposition) {
        return new CallDetailRecord(linkedid, "ivr-" + linkedid, T0.plusSeconds(sequence), "13900000001",
                "\"Zhang San\" <13900000001>", "Local/4008001234@hotline-from-trunk-00000000;2", dstchannel, lastapp,
                lastdata, disposition, 4, sequence, "4008001234");
    }

    /** A record of another leg of the same call (a phone, the caller's own leg). */
    static CallDetailRecord other(String linkedid, int sequence, String channel, String lastapp, String disposition) {
        return new CallDetailRecord(linkedid, "leg-" + sequence, T0.plusSeconds(sequence), "13900000001",
                "\"Zhang San\" <13900000001>", channel, "", lastapp, "", disposition, 3, sequence, "");
    }

    static CallDetailRecord withCaller(CallDetailRecord r, String src, String clid) {
        return new CallDetailRecord(r.linkedid(), r.uniqueid(), r.start(), src, clid, r.channel(), r.dstchannel(),
                r.lastapp(), r.lastdata(), r.disposition(), r.billsec(), r.sequence(), r.dialled());
    }
}
