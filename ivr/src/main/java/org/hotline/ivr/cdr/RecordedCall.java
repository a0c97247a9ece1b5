package org.hotline.ivr.cdr;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotline.domain.store.CallDetailRecord;
import org.hotline.ivr.ami.AgentDirectory;

/**
 * One call to a hotline number as Asterisk recorded it, read from the call detail records of one
 * linkedid. Pure: {@link #of} only looks at the records.
 *
 * <p>Only the records of the channel that ran the hotline dialplan count (those with the dialled
 * number the dialplan wrote, {@code CDR(hotline_dialled)}); the phones' own legs are ignored.
 * What happened, in this order:
 * <ol>
 *   <li>a record connected to another channel with disposition {@code ANSWERED}: answered there:
 *       by the queue member ({@code Queue}: the device of {@code dstchannel}), or by the dial
 *       string that was dialled ({@code Dial} of one target: its {@code lastdata}), the first by
 *       sequence;</li>
 *   <li>otherwise a record whose application was {@code VoiceMail}: the box of its {@code lastdata};</li>
 *   <li>otherwise nobody.</li>
 * </ol>
 * The caller ID is untrusted: {@link #callerNumber()} is it only when it is a phone number
 * ({@code +} and 3 to 20 digits), {@link #callerIdAsReceived()} keeps what came.
 *
 * @param linkedid            the call's linkedid
 * @param uniqueid            the hotline channel's uniqueid
 * @param dialled             the hotline number dialled
 * @param callerNumber        the caller's number, empty when the caller ID is missing or not a number
 * @param callerIdAsReceived  the caller ID number as Asterisk had it (possibly empty or garbage)
 * @param callerName          the caller ID name, empty when none
 * @param at                  when the call started
 * @param outcome             what the dialplan did
 */
public record RecordedCall(String linkedid, String uniqueid, String dialled, Optional<String> callerNumber,
        String callerIdAsReceived, Optional<String> callerName, Instant at, FallbackOutcome outcome) {

    private static final Pattern NUMBER = Pattern.compile("\\+?[0-9]{3,20}");
    private static final Pattern CLID_NAME = Pattern.compile("^\"(.*)\"\\s*<[^>]*>$");
    private static final int MAX_NAME = 80;

    /**
     * Reads one call from its records.
     *
     * @throws IllegalArgumentException when no record is of the hotline dialplan, or they are of several calls
     */
    public static RecordedCall of(List<CallDetailRecord> records) {
        List<CallDetailRecord> hotline = records.stream().filter(r -> !r.dialled().isBlank())
                .sorted(Comparator.comparingInt(CallDetailRecord::sequence)).toList();
        if (hotline.isEmpty()) {
            throw new IllegalArgumentException("no call record of the hotline dialplan (CDR(hotline_dialled) empty in all "
                    + records.size() + ")");
        }
        CallDetailRecord first = hotline.get(0);
        if (records.stream().anyMatch(r -> !r.linkedid().equals(first.linkedid()))) {
            throw new IllegalArgumentException("call records of several calls given as one (linkedid " + first.linkedid() + ")");
        }
        Instant at = hotline.stream().map(CallDetailRecord::start).min(Comparator.naturalOrder()).orElseThrow();
        String src = first.src().strip();
        Optional<String> number = NUMBER.matcher(src).matches() ? Optional.of(src) : Optional.empty();
        return new RecordedCall(first.linkedid(), first.uniqueid(), first.dialled().strip(), number, src,
                callerName(first.clid()), at, outcome(hotline));
    }

    private static FallbackOutcome outcome(List<CallDetailRecord> hotline) {
        for (CallDetailRecord r : hotline) {
            if (!r.dstchannel().isBlank() && "ANSWERED".equalsIgnoreCase(r.disposition().strip())) {
                return new FallbackOutcome.AnsweredAt(answeredAt(r));
            }
        }
        for (CallDetailRecord r : hotline) {
            if ("VoiceMail".equalsIgnoreCase(r.lastapp().strip())) {
                return new FallbackOutcome.Voicemail(firstArgument(r.lastdata()));
            }
        }
        return new FallbackOutcome.Nobody();
    }

    private static String answeredAt(CallDetailRecord r) {
        if ("Dial".equalsIgnoreCase(r.lastapp().strip()) && !r.lastdata().split(",", 2)[0].contains("&")) {
            String target = firstArgument(r.lastdata());
            if (!target.isEmpty()) {
                return target;
            }
        }
        return AgentDirectory.deviceOfChannel(r.dstchannel());
    }

    /** The first comma-separated argument of an application's data, up to any {@code &} (the first of several dial targets). */
    private static String firstArgument(String data) {
        String a = data.strip();
        int comma = a.indexOf(',');
        a = comma < 0 ? a : a.substring(0, comma);
        int amp = a.indexOf('&');
        return (amp < 0 ? a : a.substring(0, amp)).strip();
    }

    private static Optional<String> callerName(String clid) {
        Matcher m = CLID_NAME.matcher(clid.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        String name = m.group(1).strip();
        if (name.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name);
    }

    /** A short word for logs and the reconciled note: {@code answered}, {@code voicemail}, {@code nobody}. */
    public String outcomeWord() {
        if (outcome instanceof FallbackOutcome.AnsweredAt) {
            return "answered";
        }
        return outcome instanceof FallbackOutcome.Voicemail ? "voicemail" : "nobody";
    }

    @Override
    public String toString() {
        return "RecordedCall[" + linkedid + " to " + dialled + " at " + at + ", " + outcomeWord() + "]";
    }
}
