package org.hotline.ivr.ami;

import static org.assertj.core.api.Assertions.assertThat;

import org.asteriskjava.manager.event.AgentCalledEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.junit.jupiter.api.Test;

class AmiEventTranslatorTest {
    private final AmiEventTranslator translator = new AmiEventTranslator();

    @Test
    void agentCalledBecomesRingingOnTheMembersInterface() {
        AgentCalledEvent e = new AgentCalledEvent(this);
        e.setQueue("hotline-complaints");
        e.setInterface("PJSIP/1001");
        e.setDestChannel("PJSIP/1001-0000002a");
        e.setDestUniqueId("17.7");
        e.setLinkedId("17.1");
        e.setCallerIdNum("13900000001");
        e.setCallerIdName("Zhang San");

        assertThat(translator.translate(e)).contains(
                new AmiEvent.Ringing("17.1", "17.7", "PJSIP/1001", "hotline-complaints", "13900000001", "Zhang San"));
    }

    @Test
    void dialEndTellsAnsweredFromNotAnswered() {
        DialEndEvent e = new DialEndEvent(this);
        e.setLinkedId("17.1");
        e.setDestUniqueId("17.9");
        e.setDestChannel("PJSIP/1002-00000031");
        e.setDialStatus("ANSWER");
        assertThat(translator.translate(e)).contains(new AmiEvent.Answered("17.1", "17.9", "PJSIP/1002"));
        e.setDialStatus("NOANSWER");
        assertThat(translator.translate(e)).contains(new AmiEvent.NotAnswered("17.1", "17.9", "PJSIP/1002"));
    }

    @Test
    void eventsMissingWhatTheFollowerNeedsAreDroppedNotThrown() {
        AgentCalledEvent noLeg = new AgentCalledEvent(this);
        noLeg.setInterface("PJSIP/1001");
        noLeg.setLinkedId("17.1");
        assertThat(translator.translate(noLeg)).isEmpty();

        HangupEvent noLinked = new HangupEvent(this);
        noLinked.setUniqueId("17.1");
        assertThat(translator.translate(noLinked)).isEmpty();

        HotlineCallEvent blankTicket = new HotlineCallEvent(this);
        blankTicket.setLinkedId("17.1");
        blankTicket.setTicket(" ");
        assertThat(translator.translate(blankTicket)).isEmpty();
    }

    @Test
    void eventsTheFollowerDoesNotUseAreIgnored() {
        assertThat(translator.translate(new NewChannelEvent(this))).isEmpty();
    }

    @Test
    void theDialplansTicketEventTagsTheCall() {
        HotlineCallEvent e = new HotlineCallEvent(this);
        e.setUniqueId("17.2");
        e.setLinkedId("17.1");
        e.setTicket("C-1");
        e.setLineId("complaints");
        assertThat(translator.translate(e)).contains(new AmiEvent.CallTagged("17.1", "17.2", "C-1", "complaints"));
    }

    @Test
    void theFallbackEventsAreCheckedFieldByField() {
        HotlineFallbackEvent start = new HotlineFallbackEvent(this);
        start.setUniqueId("17.2");
        start.setLinkedId("17.1");
        start.setTicket("HL-2026-000042");
        start.setLineId("complaints");
        start.setAgiStatus("FAILURE");
        start.setStatus("");
        start.setAction("QUEUE");
        assertThat(translator.translate(start)).contains(new AmiEvent.FallbackStarted("17.1", "17.2", "HL-2026-000042",
                "complaints", "FAILURE", "", "QUEUE"));

        HotlineFallbackEndEvent end = new HotlineFallbackEndEvent(this);
        end.setUniqueId("17.2");
        end.setLinkedId("17.1");
        end.setTicket("HL-2026-000042");
        end.setDialStatus("NOANSWER");
        end.setVmStatus("SUCCESS");
        end.setMessageFile("/var/spool/asterisk/voicemail/hotline/complaints/INBOX/msg0003");
        assertThat(translator.translate(end)).contains(new AmiEvent.FallbackEnded("17.1", "17.2", "HL-2026-000042", "",
                "NOANSWER", "", "SUCCESS", "/var/spool/asterisk/voicemail/hotline/complaints/INBOX/msg0003"));
    }

    @Test
    void fallbackEventsWithForgedFieldsAreDropped() {
        HotlineFallbackEvent injected = new HotlineFallbackEvent(this);
        injected.setUniqueId("17.2");
        injected.setLinkedId("17.1");
        injected.setTicket("HL-1'; DROP TABLE tickets");
        assertThat(translator.translate(injected)).isEmpty();

        HotlineFallbackEndEvent escape = new HotlineFallbackEndEvent(this);
        escape.setUniqueId("17.2");
        escape.setLinkedId("17.1");
        escape.setTicket("HL-2026-000042");
        escape.setMessageFile("/var/spool/asterisk/../../etc/shadow");
        assertThat(translator.translate(escape)).isEmpty();

        HotlineFallbackEndEvent relative = new HotlineFallbackEndEvent(this);
        relative.setUniqueId("17.2");
        relative.setLinkedId("17.1");
        relative.setMessageFile("msg0001");
        assertThat(translator.translate(relative)).isEmpty();

        HotlineFallbackEvent noChannel = new HotlineFallbackEvent(this);
        noChannel.setTicket("HL-2026-000042");
        assertThat(translator.translate(noChannel)).isEmpty();
    }
}
