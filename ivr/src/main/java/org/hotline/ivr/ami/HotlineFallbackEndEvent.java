package org.hotline.ivr.ami;

import org.asteriskjava.manager.event.UserEvent;

/**
 * The dialplan's {@code UserEvent(HotlineFallbackEnd,...)}, raised by the hangup handler
 * {@code hotline-fallback-end} when a channel that went through {@code hotline-fallback} hangs
 * up: who answered ({@code Member}, {@code DialStatus}/{@code DialedPeer}) and the voicemail
 * message left ({@code VmStatus}, {@code MessageFile}). A JavaBean for Asterisk-Java's
 * reflection; only the translator reads it, and checks every field.
 */
public class HotlineFallbackEndEvent extends UserEvent {
    private static final long serialVersionUID = 1L;
    private String lineId;
    private String ticket;
    private String member;
    private String queueStatus;
    private String dialStatus;
    private String dialedPeer;
    private String vmStatus;
    private String messageFile;
    private String linkedId;

    public HotlineFallbackEndEvent(Object source) {
        super(source);
    }

    public String getLineId() {
        return lineId;
    }

    public void setLineId(String lineId) {
        this.lineId = lineId;
    }

    public String getTicket() {
        return ticket;
    }

    public void setTicket(String ticket) {
        this.ticket = ticket;
    }

    public String getMember() {
        return member;
    }

    public void setMember(String member) {
        this.member = member;
    }

    public String getQueueStatus() {
        return queueStatus;
    }

    public void setQueueStatus(String queueStatus) {
        this.queueStatus = queueStatus;
    }

    public String getDialStatus() {
        return dialStatus;
    }

    public void setDialStatus(String dialStatus) {
        this.dialStatus = dialStatus;
    }

    public String getDialedPeer() {
        return dialedPeer;
    }

    public void setDialedPeer(String dialedPeer) {
        this.dialedPeer = dialedPeer;
    }

    public String getVmStatus() {
        return vmStatus;
    }

    public void setVmStatus(String vmStatus) {
        this.vmStatus = vmStatus;
    }

    public String getMessageFile() {
        return messageFile;
    }

    public void setMessageFile(String messageFile) {
        this.messageFile = messageFile;
    }

    public String getLinkedId() {
        return linkedId;
    }

    public void setLinkedId(String linkedId) {
        this.linkedId = linkedId;
    }
}
