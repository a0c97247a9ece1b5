package org.hotline.ivr.ami;

import java.util.Optional;
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

    private static AmiEvent convert(ManagerEvent event) {
        if (event instanceof HotlineCallEvent e) {
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

    private static String first(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }
}
