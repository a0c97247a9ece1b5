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
}
