package org.hotline.ivr.ami;

import java.util.List;
import java.util.Objects;

/**
 * The AMI events the call follower understands, already checked: every record's required
 * fields are present and non-blank (the adapter drops, with a log line, any event that lacks
 * them). Values come from Asterisk and describe a fact; they are never trusted to name an agent
 * by themselves: an agent is only ever found through the configured {@link AgentDirectory}.
 *
 * <p>Calls are keyed by {@code linkedid} (shared by every channel of one call); legs by the
 * channel's {@code uniqueid}.
 */
public sealed interface AmiEvent {

    /** The call's linkedid. */
    String linkedId();

    /**
     * The dialplan tagged the call with its ticket ({@code UserEvent(HotlineCall,Ticket: ...)})
     * just before queueing or forwarding it.
     */
    record CallTagged(String linkedId, String uniqueId, String ticket, String line) implements AmiEvent {
        public CallTagged {
            require(linkedId, "linkedId");
            require(ticket, "ticket");
        }
    }

    /**
     * The dialplan took over a call the service did not finish ({@code UserEvent(HotlineFallback)}):
     * {@code uniqueId} is the channel running the fallback; {@code ticket} its ticket number, or
     * blank when the service never opened one; {@code agiStatus}, {@code status} and
     * {@code action} as the dialplan saw them (blank when empty). Every value is checked against
     * its grammar by the translator.
     */
    record FallbackStarted(String linkedId, String uniqueId, String ticket, String line, String agiStatus,
            String status, String action) implements AmiEvent {
        public FallbackStarted {
            require(linkedId, "linkedId");
            require(uniqueId, "uniqueId");
        }
    }

    /**
     * A channel that went through the fallback hung up ({@code UserEvent(HotlineFallbackEnd)}):
     * {@code member} the queue member device that answered, {@code dialStatus} and
     * {@code dialedPeer} the last Dial and the channel that answered it, {@code messageFile} the
     * voicemail message left (blank: none). Blank values mean "not reported".
     */
    record FallbackEnded(String linkedId, String uniqueId, String ticket, String member, String dialStatus,
            String dialedPeer, String vmStatus, String messageFile) implements AmiEvent {
        public FallbackEnded {
            require(linkedId, "linkedId");
            require(uniqueId, "uniqueId");
        }
    }

    /** A caller entered a queue (QueueCallerJoin). */
    record CallerQueued(String linkedId, String uniqueId, String queue, String callerNumber, String callerName)
            implements AmiEvent {
        public CallerQueued {
            require(linkedId, "linkedId");
            require(queue, "queue");
        }
    }

    /**
     * A phone started ringing for the call (AgentCalled, or DialBegin to that phone);
     * {@code callerChannel} is the calling channel's name (blank when unknown).
     */
    record Ringing(String linkedId, String legId, String device, String queue, String callerNumber, String callerName,
            String callerChannel) implements AmiEvent {
        public Ringing {
            require(linkedId, "linkedId");
            require(legId, "legId");
            require(device, "device");
            callerChannel = callerChannel == null ? "" : callerChannel;
        }

        public Ringing(String linkedId, String legId, String device, String queue, String callerNumber, String callerName) {
            this(linkedId, legId, device, queue, callerNumber, callerName, "");
        }
    }

    /** The phone answered (AgentConnect, DialEnd with ANSWER, or the leg entering a bridge). */
    record Answered(String linkedId, String legId, String device) implements AmiEvent {
        public Answered {
            require(linkedId, "linkedId");
            require(legId, "legId");
        }
    }

    /** The phone stopped ringing without answering (AgentRingNoAnswer, DialEnd other than ANSWER). */
    record NotAnswered(String linkedId, String legId, String device) implements AmiEvent {
        public NotAnswered {
            require(linkedId, "linkedId");
            require(legId, "legId");
        }
    }

    /** A channel of the call hung up (Hangup). */
    record HungUp(String linkedId, String uniqueId) implements AmiEvent {
        public HungUp {
            require(linkedId, "linkedId");
            require(uniqueId, "uniqueId");
        }
    }

    /**
     * What Asterisk reported right after a (re)connect: every live channel. Replaces what the
     * follower believed: legs it no longer sees have ended while it was not listening.
     */
    record Snapshot(List<LiveChannel> channels) implements AmiEvent {
        public Snapshot {
            channels = List.copyOf(channels);
        }

        @Override
        public String linkedId() {
            return "";
        }
    }

    /**
     * One live channel in a {@link Snapshot}: {@code answered} when its state is Up;
     * {@code ticket} the channel's HOTLINE_TICKET, or blank.
     */
    record LiveChannel(String linkedId, String uniqueId, String channel, boolean answered, String callerNumber,
            String callerName, String ticket) {
        public LiveChannel {
            require(linkedId, "linkedId");
            require(uniqueId, "uniqueId");
            require(channel, "channel");
        }
    }

    private static void require(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " is blank");
        }
    }
}
