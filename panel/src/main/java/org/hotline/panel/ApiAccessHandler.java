package org.hotline.panel;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hotline.domain.ticket.Role;
import org.hotline.panel.auth.Access;
import org.hotline.panel.auth.OriginPolicy;
import org.hotline.panel.auth.Session;
import org.hotline.panel.auth.SessionCookies;
import org.hotline.panel.auth.SessionStore;
import org.hotline.panel.http.ApiException;
import org.hotline.panel.http.ApiRequest;
import org.hotline.panel.http.Router;

/**
 * The routing and access stage: finds the route (404, 405 when there is none), and for a
 * route that needs a session checks the Origin of state-changing requests, the session, the
 * role and the CSRF token (403, 401), parses the JSON body (400), and passes an {@link ApiCall}
 * on. Runs on the event loop: every check is cheap. Shared by all channels.
 */
@ChannelHandler.Sharable
final class ApiAccessHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private final HttpResponder responder;
    private final Router router;
    private final SessionStore sessions;
    private final OriginPolicy origins;
    private final boolean secure;

    ApiAccessHandler(HttpResponder responder, Router router, SessionStore sessions, OriginPolicy origins,
                     boolean secure) {
        this.responder = responder;
        this.router = router;
        this.sessions = sessions;
        this.origins = origins;
        this.secure = secure;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        boolean keepAlive = HttpUtil.isKeepAlive(req);
        QueryStringDecoder uri = new QueryStringDecoder(req.uri());
        String path = uri.path();
        String method = req.method().name();
        Router.Match match = router.match(method.equals("HEAD") ? "GET" : method, path);
        if (match instanceof Router.Match.MethodNotAllowed na) {
            responder.error(ctx, new ApiException(405, "method_not_allowed",
                    method + " is not allowed on " + path + "; use " + String.join(" or ", na.allowed())), keepAlive);
            return;
        }
        if (!(match instanceof Router.Match.Found found)) {
            responder.error(ctx, ApiException.notFound("No such resource: " + method + " " + path), keepAlive);
            return;
        }
        ApiRequest request;
        try {
            request = authorise(ctx, req, uri, found);
        } catch (ApiException e) {
            responder.error(ctx, e, keepAlive);
            return;
        }
        ctx.fireChannelRead(new ApiCall(found.route(), request, keepAlive));
    }

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
            session = SessionCookies.of(req, secure).flatMap(sessions::touch);
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
        JsonNode body = responder.json().parse(ByteBufUtil.getBytes(req.content()));
        return new ApiRequest(req.method().name(), uri.path(), found.params(), uri.parameters(), body, session,
                ctx.channel().remoteAddress() instanceof InetSocketAddress peer ? peer : null, headers);
    }

    private static boolean constantTimeEquals(String given, String expected) {
        if (given == null) {
            return false;
        }
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
