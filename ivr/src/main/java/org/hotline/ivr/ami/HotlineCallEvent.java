package org.hotline.ivr.ami;

import org.asteriskjava.manager.event.UserEvent;

/**
 * The dialplan's {@code UserEvent(HotlineCall,Ticket: ...,LineId: ...,Action: ...)}, raised just
 * before a call is queued or forwarded so that screen pops carry the ticket number. A
 * JavaBean because Asterisk-Java builds user events by reflection; only the adapter sees it.
 */
public class HotlineCallEvent extends UserEvent {
    private static final long serialVersionUID = 1L;
    private String ticket;
    private String lineId;
    private String action;
    private String linkedId;

    public HotlineCallEvent(Object source) {
        super(source);
    }

    public String getTicket() {
        return ticket;
    }

    public void setTicket(String ticket) {
        this.ticket = ticket;
    }

    public String getLineId() {
        return lineId;
    }

    public void setLineId(String lineId) {
        this.lineId = lineId;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getLinkedId() {
        return linkedId;
    }

    public void setLinkedId(String linkedId) {
        this.linkedId = linkedId;
    }
}
