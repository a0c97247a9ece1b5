package org.hotline.panel;

import org.hotline.domain.ticket.Role;
import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.hotline.panel.auth.Access;
import org.hotline.panel.auth.OriginPolicy;
import org.hotline.panel.auth.Session;
import org.hotline.panel.auth.SessionStore;
import org.hotline.panel.http.ApiException;
import org.hotline.panel.http.ApiRequest;
import org.hotline.panel.http.ApiResponse;
import org.hotline.panel.http.Json;
import org.hotline.panel.http.Router;
import org.hotline.panel.http.SecurityHeaders;
import org.hotline.panel.http.StaticFiles;
import org.hotline.panel.ws.PanelWebSocketHandler;
import org.hotline.panel.ws.WebSocketEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one aggregated HTTP request into a response: WebSocket upgrade at {@code /ws}, routed
 * API calls (session, role and CSRF checked here, the handler run on the worker pool), static
 * files, and JSON errors for everything else. Stateless apart from what it is given, so one
 * instance is shared by all channels.
 */
@io.netty.channel.ChannelHandler.Sharable
final class PanelServerHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger log = LoggerFactory.getLogger(PanelServerHandler.class);

    static final String SESSION_COOKIE = "hotline_session";
    static final String SECURE_SESSION_COOKIE = "__Host-hotline_session";

    private final Router router;
    private final StaticFiles statics;
    private final Json json;
    private final SessionStore sessions;
    private final OriginPolicy origins;
    private final ExecutorService workers;
    private final WebSocketEndpoint webSockets;
    private final boolean secure;

    PanelServerHandler(Router router, StaticFiles statics, Json json, SessionStore sessions, OriginPolicy origins,
                       ExecutorService workers, WebSocketEndpoint webSockets, boolean secure) {
        this.router = router;
        this.statics = statics;
        this.json = json;
        this.sessions = sessions;
        this.origins = origins;
        this.workers = workers;
        this.webSockets = webSockets;
        this.secure = secure;
    }

    static String cookieName(boolean secure) { return secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE; }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        boolean keepAlive = HttpUtil.isKeepAlive(req);
        if (req.decoderResult().isFailure()) {
            Throwable cause = req.decoderResult().cause();
            int status = cause instanceof TooLongHttpHeaderException ? 431
                    : cause instanceof TooLongHttpLineException ? 414 : 400;
            send(ctx, json.error(new ApiException(status, "bad_request",
                    "The request could not be read: " + (cause instanceof TooLongFrameException
                            ? "its headers or request line are too long" : "malformed HTTP"))), false);
            return;
        }
        QueryStringDecoder uri = new QueryStringDecoder(req.uri());
        String path = uri.path();
        String method = req.method().name();

        if (path.equals("/ws")) {
            upgrade(ctx, req);
            return;
        }
        Router.Match match = router.match(method.equals("HEAD") ? "GET" : method, path);
        if (match instanceof Router.Match.Found found) {
            dispatch(ctx, req, uri, found, keepAlive);
            return;
        }
        if (match instanceof Router.Match.MethodNotAllowed na) {
            send(ctx, json.error(new ApiException(405, "method_not_allowed",
                    method + " is not allowed on " + path + "; use " + String.join(" or ", na.allowed()))), keepAlive);
            return;
        }
        if ((method.equals("GET") || method.equals("HEAD")) && !path.startsWith("/api/")) {
            var file = statics.find(path);
            if (file.isPresent()) {
                send(ctx, new ApiResponse(200, file.get().contentType(), file.get().bytes(), java.util.List.of()), keepAlive);
                return;
            }
        }
        send(ctx, json.error(ApiException.notFound("No such resource: " + method + " " + path)), keepAlive);
    }

    private void dispatch(ChannelHandlerContext ctx, FullHttpRequest req, QueryStringDecoder uri,
                          Router.Match.Found found, boolean keepAlive) {
        ApiRequest request;
        try {
            request = authorise(ctx, req, uri, found);
        } catch (ApiException e) {
            send(ctx, json.error(e), keepAlive);
            return;
        }
        try {
            workers.execute(() -> send(ctx, run(found.route(), request), keepAlive));
        } catch (RejectedExecutionException e) {
            send(ctx, json.error(new ApiException(503, "busy", "The panel is shutting down or overloaded; retry shortly.")), false);
        }
    }

    private ApiResponse run(Router.Route route, ApiRequest request) {
        try {
            return route.handler().handle(request);
        } catch (ApiException e) {
            return json.error(e);
        } catch (Exception e) {
            log.error("{} {} failed", request.method(), request.path(), e);
            return json.error(new ApiException(500, "internal_error",
                    "The panel could not complete this request (" + e.getClass().getSimpleName()
                            + "); it has been logged. Retry, and tell an administrator if it persists."));
        }
    }

    /** Session, role, Origin and CSRF checks; parses the body. Runs on the event loop (cheap). */
    private ApiRequest authorise(ChannelHandlerContext ctx, FullHttpRequest req, QueryStringDecoder uri,
                                 Router.Match.Found found) {
        Map<String, String> headers = new HashMap<>();
        req.headers().forEach(h -> headers.putIfAbsent(h.getKey().toLowerCase(Locale.ROOT), h.getValue()));
        boolean safe = req.method().equals(HttpMethod.GET) || req.method().equals(HttpMethod.HEAD);
        if (!safe) {
            String origin = headers.get("origin");
            if (origin != null && !origins.allows(origin, headers.get("host"))) {
                throw ApiException.forbidden("Requests from " + origin + " are not allowed.");
            }
        }
        Optional<Session> session = Optional.empty();
        if (found.route().access() instanceof Access.Roles roles) {
            session = sessionOf(req).flatMap(sessions::touch);
            Session s = session.orElseThrow(ApiException::unauthorized);
            if (!roles.permits(s.role())) {
                throw ApiException.forbidden("Your role (" + s.role().wireName()
                        + ") may not do this; it needs one of "
                        + roles.roles().stream().map(Role::wireName).sorted().toList() + ".");
            }
            if (!safe && !constantTimeEquals(headers.get("x-csrf-token"), s.csrfToken())) {
                throw ApiException.forbidden("Missing or wrong X-CSRF-Token header: reload the page and retry.");
            }
        }
        JsonNode body = json.parse(ByteBufUtil.getBytes(req.content()));
        return new ApiRequest(req.method().name(), uri.path(), found.params(), uri.parameters(), body, session,
                (InetSocketAddress) ctx.channel().remoteAddress(), headers);
    }

    private Optional<String> sessionOf(FullHttpRequest req) {
        String header = req.headers().get(HttpHeaderNames.COOKIE);
        if (header == null) {
            return Optional.empty();
        }
        String name = cookieName(secure);
        for (Cookie c : ServerCookieDecoder.STRICT.decode(header)) {
            if (c.name().equals(name)) {
                return Optional.of(c.value());
            }
        }
        return Optional.empty();
    }

    private void upgrade(ChannelHandlerContext ctx, FullHttpRequest req) {
        if (!"websocket".equalsIgnoreCase(req.headers().get(HttpHeaderNames.UPGRADE))) {
            send(ctx, json.error(ApiException.badRequest("/ws only accepts WebSocket upgrades.")), false);
            return;
        }
        String origin = req.headers().get(HttpHeaderNames.ORIGIN);
        if (!origins.allows(origin, req.headers().get(HttpHeaderNames.HOST))) {
            send(ctx, json.error(ApiException.forbidden("WebSocket refused: origin " + origin + " is not allowed.")), false);
            return;
        }
        Optional<Session> session = sessionOf(req).flatMap(sessions::touch);
        if (session.isEmpty()) {
            send(ctx, json.error(ApiException.unauthorized()), false);
            return;
        }
        String scheme = secure ? "wss://" : "ws://";
        var factory = new WebSocketServerHandshakerFactory(scheme + req.headers().get(HttpHeaderNames.HOST) + "/ws",
                null, false, 64 * 1024);
        var handshaker = factory.newHandshaker(req);
        if (handshaker == null) {
            WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
            return;
        }
        if (!webSockets.tryReserve()) {
            send(ctx, json.error(new ApiException(503, "busy",
                    "The panel has as many live connections as it is configured for; retry shortly.")), false);
            return;
        }
        // from here on the reservation is given back by PanelWebSocketHandler.channelInactive
        ctx.pipeline().replace(this, "ws", new PanelWebSocketHandler(handshaker, session.get(), webSockets));
        ctx.pipeline().addBefore("ws", "ws-idle", new io.netty.handler.timeout.IdleStateHandler(75, 0, 0));
        handshaker.handshake(ctx.channel(), req).addListener((ChannelFutureListener) f -> {
            if (f.isSuccess()) {
                webSockets.opened(f.channel(), session.get());
            } else {
                f.channel().close();
            }
        });
    }

    private void send(ChannelHandlerContext ctx, ApiResponse r, boolean keepAlive) {
        FullHttpResponse res = new DefaultFullHttpResponse(req11(), HttpResponseStatus.valueOf(r.status()),
                Unpooled.wrappedBuffer(r.body()));
        res.headers().set(HttpHeaderNames.CONTENT_TYPE, r.contentType());
        res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, r.body().length);
        SecurityHeaders.apply(res.headers(), secure);
        for (var h : r.headers()) {
            res.headers().add(h.getKey(), h.getValue());
        }
        if (keepAlive) {
            res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(res);
        } else {
            res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static io.netty.handler.codec.http.HttpVersion req11() {
        return io.netty.handler.codec.http.HttpVersion.HTTP_1_1;
    }

    private static boolean constantTimeEquals(String given, String expected) {
        if (given == null) {
            return false;
        }
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("panel connection {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
