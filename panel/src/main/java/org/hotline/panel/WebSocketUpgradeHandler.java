package org.hotline.panel;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.List;
import java.util.Optional;
import org.hotline.panel.auth.OriginPolicy;
import org.hotline.panel.auth.Session;
import org.hotline.panel.auth.SessionCookies;
import org.hotline.panel.auth.SessionStore;
import org.hotline.panel.http.ApiException;
import org.hotline.panel.ws.PanelWebSocketHandler;
import org.hotline.panel.ws.WebSocketEndpoint;

/**
 * The {@code /ws} stage: a WebSocket upgrade with an allowed Origin, a live session and a free
 * connection slot replaces the HTTP stages of this channel with the frame handler; anything else
 * at {@code /ws} is refused (400, 403, 401, 503). Other paths go on. Shared by all channels.
 */
@ChannelHandler.Sharable
final class WebSocketUpgradeHandler extends ChannelInboundHandlerAdapter {
    static final String PATH = "/ws";
    /** The stages after this one, which a WebSocket channel no longer needs. */
    private static final List<String> HTTP_STAGES = List.of(PanelServerInitializer.STATIC, PanelServerInitializer.ACCESS,
            PanelServerInitializer.API);

    private final HttpResponder responder;
    private final SessionStore sessions;
    private final OriginPolicy origins;
    private final WebSocketEndpoint webSockets;
    private final boolean secure;

    WebSocketUpgradeHandler(HttpResponder responder, SessionStore sessions, OriginPolicy origins,
                            WebSocketEndpoint webSockets, boolean secure) {
        this.responder = responder;
        this.sessions = sessions;
        this.origins = origins;
        this.webSockets = webSockets;
        this.secure = secure;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof FullHttpRequest req && new QueryStringDecoder(req.uri()).path().equals(PATH)) {
            try {
                upgrade(ctx, req);
            } finally {
                req.release();
            }
            return;
        }
        ctx.fireChannelRead(msg);
    }

    private void upgrade(ChannelHandlerContext ctx, FullHttpRequest req) {
        if (!"websocket".equalsIgnoreCase(req.headers().get(HttpHeaderNames.UPGRADE))) {
            responder.error(ctx, ApiException.badRequest("/ws only accepts WebSocket upgrades."), false);
            return;
        }
        String origin = req.headers().get(HttpHeaderNames.ORIGIN);
        if (!origins.allows(origin, req.headers().get(HttpHeaderNames.HOST))) {
            responder.error(ctx, ApiException.forbidden("WebSocket refused: origin " + origin + " is not allowed."), false);
            return;
        }
        Optional<Session> session = SessionCookies.of(req, secure).flatMap(sessions::touch);
        if (session.isEmpty()) {
            responder.error(ctx, ApiException.unauthorized(), false);
            return;
        }
        String scheme = secure ? "wss://" : "ws://";
        var factory = new WebSocketServerHandshakerFactory(scheme + req.headers().get(HttpHeaderNames.HOST) + PATH,
                null, false, 64 * 1024);
        var handshaker = factory.newHandshaker(req);
        if (handshaker == null) {
            WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
            return;
        }
        if (!webSockets.tryReserve()) {
            responder.error(ctx, new ApiException(503, "busy",
                    "The panel has as many live connections as it is configured for; retry shortly."), false);
            return;
        }
        // from here on the reservation is given back by PanelWebSocketHandler.channelInactive
        for (String stage : HTTP_STAGES) {
            if (ctx.pipeline().get(stage) != null) {
                ctx.pipeline().remove(stage);
            }
        }
        ctx.pipeline().replace(this, "ws", new PanelWebSocketHandler(handshaker, session.get(), webSockets));
        ctx.pipeline().addBefore("ws", "ws-idle", new IdleStateHandler(75, 0, 0));
        handshaker.handshake(ctx.channel(), req).addListener((ChannelFutureListener) f -> {
            if (f.isSuccess()) {
                webSockets.opened(f.channel(), session.get());
            } else {
                f.channel().close();
            }
        });
    }
}
