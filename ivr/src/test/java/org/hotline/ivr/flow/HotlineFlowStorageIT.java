package org.hotline.ivr.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.hotline.ivr.agi.AgiFlows;
import org.hotline.ivr.agi.FastAgiServer;
import org.hotline.ivr.agi.TestAgiConfig;
import org.hotline.ivr.sim.CallSimulator;
import org.hotline.ivr.sim.SimulatedCall;
import org.hotline.domain.routing.CallRouter;
import org.hotline.storage.Storage;
import org.hotline.storage.testing.FreshStorage;
import org.hotline.domain.testing.HotlineConfigBuilder;
import org.hotline.domain.ticket.CallDisposition;
import org.hotline.domain.ticket.RequestKind;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.ticket.TicketStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The hotline flow with the real pieces behind it: the routing core's {@link CallRouter} on the
 * example configuration and the PostgreSQL ticket store of the storage fixture (embedded
 * servers), driven over FastAGI by the call simulator.
 */
class HotlineFlowStorageIT {

    /** Monday 2026-03-02 20:00 in Shanghai: after hours, duty manager A is wang, B is li. */
    private static final Clock AFTER_HOURS = Clock.fixed(Instant.parse("2026-03-02T12:00:00Z"), ZoneId.of("Asia/Shanghai"));

    private Storage storage;
    private FastAgiServer server;
    private CallSimulator simulator;

    @RegisterExtension
    final FreshStorage fresh = new FreshStorage(AFTER_HOURS);

    @BeforeEach
    void start() throws Exception {
        storage = fresh.storage();
        var router = new CallRouter(HotlineConfigBuilder.example().build());
        var flow = new HotlineFlow(HotlineRouting.of(router), storage.tickets(),
                HotlineFlowConfig.defaults(new DialTemplate("PJSIP/{number}@trunk"), AFTER_HOURS, Map.of()));
        server = new FastAgiServer(TestAgiConfig.onFreePort(), new AgiFlows(Map.of(HotlineFlow.NAME, flow)),
                new SimpleMeterRegistry());
        server.start();
        simulator = new CallSimulator(server.localAddress(), Duration.ofSeconds(20));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void afterHoursCallReachesDutyManagerBAndTheStoreKnowsIt() throws Exception {
        var transcript = simulator.run(SimulatedCall.hotline("4008001234", "13912345678", "1" + "1" + "1203#" + "#")
                .withDialOutcomes(Map.of("PJSIP/13800000001@trunk", "NOANSWER", "PJSIP/13800000002@trunk", "ANSWER")));

        assertThat(transcript.variables()).containsEntry("HOTLINE_STATUS", "OK")
                .containsEntry("HOTLINE_TARGET_1", "PJSIP/13800000001@trunk")
                .containsEntry("HOTLINE_TARGET_2", "PJSIP/13800000002@trunk");
        Ticket ticket = storage.tickets().findByNumber(transcript.variable("HOTLINE_TICKET")).orElseThrow();
        assertThat(ticket.line()).isEqualTo("complaints");
        assertThat(ticket.kind()).isEqualTo(RequestKind.COMPLAINT);
        assertThat(ticket.callbackNumber()).isEqualTo("13912345678");
        assertThat(ticket.location()).isEqualTo("1203");
        assertThat(ticket.callDisposition()).isEqualTo(CallDisposition.ANSWERED);
        assertThat(ticket.forwardedTo()).isEqualTo("li");
        assertThat(ticket.linkedid()).isEqualTo(ticket.uniqueid());
        assertThat(storage.tickets().history(ticket.id())).extracting(e -> e.action()).contains("opened", "intake");
    }

    @Test
    void callerHangingUpMidMenuLeavesAnAbandonedTicketInTheStore() throws Exception {
        var transcript = simulator.run(SimulatedCall.hotline("4008001234", "13912345678", "2H"));

        Ticket ticket = storage.tickets().findByNumber(transcript.variable("HOTLINE_TICKET")).orElseThrow();
        assertThat(ticket.status()).isEqualTo(TicketStatus.ABANDONED);
        assertThat(ticket.kind()).isEqualTo(RequestKind.INQUIRY);
        assertThat(ticket.callbackRequested()).isTrue();
    }
}
