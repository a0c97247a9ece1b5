package org.hotline.ivr.flow;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.hotline.ivr.agi.AgiFlow;
import org.hotline.ivr.agi.AgiRequest;
import org.hotline.ivr.agi.AgiSession;
import org.hotline.domain.store.TicketStore;
import org.hotline.domain.ticket.CallIntake;
import org.hotline.domain.ticket.CallOutcome;
import org.hotline.domain.ticket.IntakeUpdate;
import org.hotline.domain.ticket.RequestKind;
import org.hotline.domain.ticket.Ticket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hotline call flow, {@code agi://host/hotline}: answer; find the line by the dialled
 * number; open the ticket (idempotent by linkedid) and put its number on the channel; greet
 * per line and period; menu for the kind of request; callback number; location code where
 * the line asks; optional voice message; save the intake; ask the router; then carry the
 * decision out (queue, forward A then B, last resort), recording each outcome on the ticket.
 * A caller who hangs up at any point leaves an abandoned ticket with what was captured; a call
 * the flow cannot finish for any other reason (a dependency timeout, the FastAGI connection
 * closing without a hangup) leaves an interrupted one, with a kind ({@code unknown} when none
 * was chosen) and deadlines, while the dialplan's fallback takes the caller. A prompt or a
 * recording Asterisk cannot play or write never ends the call ({@link PromptPlayer},
 * {@link VoiceRecorder}).
 *
 * <p>The exact channel-variable contract is {@code ivr/AGI-CONTRACT.md}. Thread-safe and
 * shared by all calls; each call gets its own {@link HotlineCall}.
 */
public final class HotlineFlow implements AgiFlow {

    /** The name the dialplan uses: {@code AGI(agi://host/hotline)}. */
    public static final String NAME = "hotline";

    private static final Logger log = LoggerFactory.getLogger(HotlineFlow.class);

    private final HotlineRouting routing;
    private final TicketStore tickets;
    private final HotlineFlowConfig config;

    public HotlineFlow(HotlineRouting routing, TicketStore tickets, HotlineFlowConfig config) {
        this.routing = routing;
        this.tickets = tickets;
        this.config = config;
    }

    @Override
    public CompletionStage<?> run(AgiSession session) {
        return new HotlineCall(session, routing, tickets, config).run();
    }

    /**
     * A call refused over {@code max-calls} still leaves its ticket: opened (by its uniqueid, the
     * linkedid of a call's first channel), with the kind {@code unknown} so it gets the line's
     * deadlines, and {@code Interrupted} with the reason; the dialplan's fallback then takes the
     * caller, and what it achieved is recorded by the AMI follower or the call reconciler. In the
     * background, never holding the verdict back.
     */
    @Override
    public void refused(AgiSession session, String reason) {
        var request = session.request();
        String dialled = request.dialledNumber();
        session.callAsync(() -> {
            var line = routing.lineForNumber(dialled);
            if (line.isEmpty()) {
                return CompletableFuture.<Ticket>completedFuture(null);
            }
            String caller = request.callerId().orElse(null);
            return tickets.openForCallAsync(new CallIntake(line.get().id(), caller, null, request.uniqueId(),
                    request.uniqueId(), config.clock().instant()))
                    .thenCompose(ticket -> tickets.updateIntakeAsync(ticket.id(),
                            IntakeUpdate.none().withKind(RequestKind.UNKNOWN)))
                    .thenCompose(ticket -> tickets.recordCallOutcomeAsync(ticket.id(), new CallOutcome.Interrupted(
                            reason + "; the dialplan's fallback took the call")));
        }).whenComplete((ticket, failure) -> {
            if (failure != null) {
                log.warn("call {} refused over max-calls: its ticket could not be written: {}", request.uniqueId(),
                        HotlineCall.unwrap(failure).toString());
            }
        });
    }

    /** Nothing is known when the flow itself broke: the dialplan's static fallback decides. */
    @Override
    public Map<String, String> fallbackVariables(AgiRequest request) {
        return Map.of();
    }
}
