package org.hotline.ivr.ami;

import java.util.Optional;
import java.util.regex.Pattern;
import org.asteriskjava.manager.event.AgentCalledEvent;
import org.asteriskjava.manager.event.AgentCompleteEvent;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.AgentRingNoAnswerEvent;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns Asterisk-Java's event beans into checked {@link AmiEvent} records. AMI input is
 * untrusted: an event missing a field the follower needs becomes empty, with one log line, and
 * never an exception. Events the follower does not use become empty silently. Stateless and
 * thread-safe.
 */
public final class AmiEventTranslator {
    private static final Logger log = LoggerFactory.getLogger(AmiEventTranslator.class);

    /** The follower's view of {@code event}, or empty when it is not used or not usable. */
    public Optional<AmiEvent> translate(ManagerEvent event) {
        try {
            return Optional.ofNullable(convert(event));
        } catch (IllegalArgumentException | NullPointerException e) {
            log.warn("ignoring malformed AMI {} event: {}", event.getClass().getSimpleName(), e.getMessage());
            return Optional.empty();
        }
    }

    /** A ticket number as the store gives them: {@code HL-2026-000123}, {@code HL-PENDING-7}. */
    private static final Pattern TICKET = Pattern.compile("[A-Za-z0-9]{1,12}(-[A-Za-z0-9]{1,16}){1,3}");
    /** Dialplan status words: DIALSTATUS, VMSTATUS, AGISTATUS, HOTLINE_STATUS, HOTLINE_ACTION. */
    private static final Pattern WORD = Pattern.compile("[A-Z_]{1,32}");
    /** A line id of the configuration. */
    private static final Pattern LINE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    /** An Asterisk channel or device name. */
    private static final Pattern CHANNEL = Pattern.compile("[A-Za-z0-9_./@:+;#-]{1,128}");
    /** A voicemail message file as app_voicemail reports it: an absolute plain path. */
    private static final Pattern FILE = Pattern.compile("/[A-Za-z0-9_./-]{1,255}");

    private static AmiEvent convert(ManagerEvent event) {
        if (event instanceof HotlineFallbackEvent e) {
            return new AmiEvent.FallbackStarted(first(e.getLinkedId(), e.getUniqueId()), e.getUniqueId(),
                    checked("Ticket", e.getTicket(), TICKET), checked("LineId", e.getLineId(), LINE),
                    checked("AgiStatus", e.getAgiStatus(), WORD), checked("Status", e.getStatus(), WORD),
                    checked("Action", e.getAction(), WORD));
        } else if (event instanceof HotlineFallbackEndEvent e) {
            String file = checked("MessageFile", e.getMessageFile(), FILE);
            if (file.contains("..")) {
                throw new IllegalArgumentException("MessageFile " + file + " is not a plain path");
            }
            return new AmiEvent.FallbackEnded(first(e.getLinkedId(), e.getUniqueId()), e.getUniqueId(),
                    checked("Ticket", e.getTicket(), TICKET), checked("Member", e.getMember(), CHANNEL),
                    checked("DialStatus", e.getDialStatus(), WORD), checked("DialedPeer", e.getDialedPeer(), CHANNEL),
                    checked("VmStatus", e.getVmStatus(), WORD), file);
        } else if (event instanceof HotlineCallEvent e) {
            String linked = first(e.getLinkedId(), e.getUniqueId());
            return new AmiEvent.CallTagged(linked, e.getUniqueId(), e.getTicket(), e.getLineId());
        } else if (event instanceof QueueCallerJoinEvent e) {
            return new AmiEvent.CallerQueued(e.getLinkedId(), e.getUniqueId(), e.getQueue(), e.getCallerIdNum(),
                    e.getCallerIdName());
        } else if (event instanceof AgentCalledEvent e) {
            String device = first(e.getInterface(), AgentDirectory.deviceOfChannel(first(e.getDestChannel(),
                    e.getDestinationChannel())));
            return new AmiEvent.Ringing(first(e.getLinkedId(), e.getDestLinkedId()), e.getDestUniqueId(), device,
                    e.getQueue(), first(e.getCallerIdNum(), e.getCallerId()), e.getCallerIdName(),
                    first(e.getChannel(), e.getChannelCalling()));
        } else if (event instanceof DialBeginEvent e) {
            return new AmiEvent.Ringing(first(e.getLinkedId(), e.getDestLinkedId()), e.getDestUniqueId(),
                    AgentDirectory.deviceOfChannel(e.getDestChannel()), "", e.getCallerIdNum(), e.getCallerIdName(),
                    e.getChannel());
        } else if (event instanceof AgentConnectEvent e) {
            return new AmiEvent.Answered(first(e.getLinkedId(), e.getDestLinkedId()), e.getDestUniqueId(),
                    first(e.getInterface(), AgentDirectory.deviceOfChannel(e.getDestChannel())));
        } else if (event instanceof DialEndEvent e) {
            String linked = first(e.getLinkedId(), e.getDestLinkedId());
            String device = AgentDirectory.deviceOfChannel(e.getDestChannel());
            if ("ANSWER".equalsIgnoreCase(e.getDialStatus())) {
                return new AmiEvent.Answered(linked, e.getDestUniqueId(), device);
            }
            return new AmiEvent.NotAnswered(linked, e.getDestUniqueId(), device);
        } else if (event instanceof AgentRingNoAnswerEvent e) {
            return new AmiEvent.NotAnswered(first(e.getLinkedId(), e.getDestLinkedId()), e.getDestUniqueId(),
                    first(e.getInterface(), AgentDirectory.deviceOfChannel(e.getDestChannel())));
        } else if (event instanceof AgentCompleteEvent e) {
            return new AmiEvent.HungUp(first(e.getDestLinkedId(), e.getLinkedId()), e.getDestUniqueId());
        } else if (event instanceof BridgeEnterEvent e) {
            // Only an agent leg's entering is an answer; the router ignores legs it does not know.
            return new AmiEvent.Answered(e.getLinkedId(), e.getUniqueId(), AgentDirectory.deviceOfChannel(e.getChannel()));
        } else if (event instanceof HangupEvent e) {
            return new AmiEvent.HungUp(e.getLinkedId(), e.getUniqueId());
        }
        return null;
    }

    /** {@code value}, blank when absent; an {@link IllegalArgumentException} naming the field when malformed. */
    private static String checked(String field, String value, Pattern grammar) {
        String v = value == null ? "" : value.strip();
        if (!v.isEmpty() && !grammar.matcher(v).matches()) {
            throw new IllegalArgumentException(field + " '" + (v.length() > 80 ? v.substring(0, 80) + "..." : v)
                    + "' does not match " + grammar.pattern());
        }
        return v;
    }

    private static String first(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }
}
