package org.hotline.ivr.agi;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per connection: checks the peer, admits the call or answers OVERLOAD, picks the flow by
 * name (or answers UNKNOWN_FLOW), runs it and closes the connection when it ends, setting
 * {@code HOTLINE_STATUS=FALLBACK} when it failed. Never closes an admitted call silently:
 * Asterisk would read a silent close as success and the dialplan would not fall back.
 * One instance per connection.
 */
final class FastAgiServerHandler extends ChannelInboundHandlerAdapter {

    static final String STATUS = "HOTLINE_STATUS";
    /** How long a verdict may wait for Asterisk's acknowledgement before the connection is closed anyway. */
    private static final long FINISH_GRACE_SECONDS = 5;
    private static final Logger log = LoggerFactory.getLogger(FastAgiServerHandler.class);

    private final AgiFlows flows;
    private final CallGate gate;
    private final PeerFilter peers;
    private final CallMetrics metrics;
    private final DependencyPool dependencies;
    private boolean admitted;
    private NettyAgiSession session;

    FastAgiServerHandler(AgiFlows flows, CallGate gate, PeerFilter peers, CallMetrics metrics, DependencyPool dependencies) {
        this.flows = flows;
        this.gate = gate;
        this.peers = peers;
        this.metrics = metrics;
        this.dependencies = dependencies;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (!peers.allows(ctx.channel().remoteAddress())) {
            log.warn("FastAGI connection from {} refused: not in asterisk.agi.allowed-hosts", ctx.channel().remoteAddress());
            metrics.rejectedPeer();
            ctx.close();
            return;
        }
        admitted = gate.tryEnter();
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof AgiRequest request) {
            start(ctx, request);
        } else if (session == null) {
            log.warn("FastAGI peer {} sent {} before its environment; closing", ctx.channel().remoteAddress(), msg);
            finish(ctx, new NettyAgiSession(ctx.channel(), new AgiRequest(Map.of()), metrics, dependencies), "FALLBACK", Map.of());
        } else if (msg instanceof AgiReply reply) {
            if (!session.onReply(reply)) {
                protocolError(ctx, new AgiProtocolError(reply.toString(), "no reply while no command is pending"));
            }
        } else if (msg instanceof AgiHangup) {
            session.onHangup();
        } else if (msg instanceof AgiProtocolError error) {
            protocolError(ctx, error);
        }
    }

    private void protocolError(ChannelHandlerContext ctx, AgiProtocolError error) {
        log.warn("FastAGI protocol error on {}: {} (expected {})", session.request().channel(), error.line(), error.reason());
        // the failed command fails the flow, which then sets FALLBACK; close anyway if the peer stays mute
        ctx.executor().schedule(() -> ctx.close(), FINISH_GRACE_SECONDS, TimeUnit.SECONDS);
        session.onProtocolError(error);
    }

    private void start(ChannelHandlerContext ctx, AgiRequest request) {
        if (session != null) {
            throw new AgiProtocolException(new AgiProtocolError("a second environment", "replies only"));
        }
        session = new NettyAgiSession(ctx.channel(), request, metrics, dependencies);
        if (!admitted) {
            log.warn("overload: call {} refused, {} calls already served", request.uniqueId(), gate.active());
            metrics.overload();
            finish(ctx, session, "OVERLOAD", Map.of());
            // the verdict first; then the call still leaves its record
            flows.find(request.flowName()).ifPresent(f -> f.refused(session,
                    "refused over max-calls (" + gate.active() + " calls already served)"));
            return;
        }
        var flow = flows.find(request.flowName());
        if (flow.isEmpty()) {
            log.warn("call {} asked for unknown flow '{}' (known: {})", request.uniqueId(), request.flowName(), flows.names());
            metrics.unknownFlow();
            finish(ctx, session, "UNKNOWN_FLOW", Map.of());
            return;
        }
        metrics.offered();
        CompletionStage<?> run;
        try {
            run = flow.get().run(session);
        } catch (RuntimeException e) {
            run = CompletableFuture.failedFuture(e);
        }
        run.whenComplete((ignored, failure) -> {
            if (failure == null || session.closed()) {
                ctx.close();
            } else {
                log.warn("flow '{}' failed for call {}; fallback verdict set", request.flowName(), request.uniqueId(), failure);
                metrics.fallback();
                finish(ctx, session, "FALLBACK", flow.get().fallbackVariables(request));
            }
        });
    }

    /** Sets the status (and fallback variables), then closes once Asterisk has acknowledged them. */
    private static void finish(ChannelHandlerContext ctx, NettyAgiSession session, String status, Map<String, String> variables) {
        CompletableFuture<?> last = CompletableFuture.completedFuture(null);
        for (var variable : variables.entrySet()) {
            last = session.setVariable(variable.getKey(), variable.getValue());
        }
        last = session.setVariable(STATUS, status);
        last.whenComplete((reply, failure) -> ctx.close());
        ctx.executor().schedule(() -> ctx.close(), FINISH_GRACE_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (admitted) {
            gate.leave();
            admitted = false;
        }
        if (session != null) {
            session.onClosed();
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.warn("FastAGI connection {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
