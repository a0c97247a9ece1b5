package org.hotline.ivr.ami;

import org.asteriskjava.manager.event.UserEvent;

/**
 * The dialplan's {@code UserEvent(HotlineFallback,LineId: ...,AgiStatus: ...,Status: ...,Action: ...,Ticket: ...)},
 * raised when a call enters {@code hotline-fallback} because the service did not finish it.
 * A JavaBean because Asterisk-Java builds user events by reflection; only the translator reads
 * it, and checks every field ({@link AmiEventTranslator}).
 */
public class HotlineFallbackEvent extends UserEvent {
    private static final long serialVersionUID = 1L;
    private String lineId;
    private String agiStatus;
    private String status;
    private String action;
    private String ticket;
    private String linkedId;

    public HotlineFallbackEvent(Object source) {
        super(source);
    }

    public String getLineId() {
        return lineId;
    }

    public void setLineId(String lineId) {
        this.lineId = lineId;
    }

    public String getAgiStatus() {
        return agiStatus;
    }

    public void setAgiStatus(String agiStatus) {
        this.agiStatus = agiStatus;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getTicket() {
        return ticket;
    }

    public void setTicket(String ticket) {
        this.ticket = ticket;
    }

    public String getLinkedId() {
        return linkedId;
    }

    public void setLinkedId(String linkedId) {
        this.linkedId = linkedId;
    }
}
