package org.hotline.panel;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import java.util.concurrent.Executor;
import org.hotline.panel.auth.OriginPolicy;
import org.hotline.panel.auth.SessionStore;
import org.hotline.panel.http.Json;
import org.hotline.panel.http.Router;
import org.hotline.panel.http.StaticFiles;
import org.hotline.panel.ws.WebSocketEndpoint;

/**
 * The panel's pipeline, one job per stage: HTTP/1.1 codecs with limits on the request line,
 * headers and body (oversized bodies get 413 from the aggregator), then
 * {@link MalformedRequestHandler} (undecodable requests), {@link WebSocketUpgradeHandler}
 * ({@code /ws}), {@link StaticFileHandler} (the page), {@link ApiAccessHandler} (route, Origin,
 * session, role, CSRF, body) and {@link ApiCallHandler} (the route's handler on the worker
 * pool). The stages are stateless and shared by all channels; a WebSocket upgrade swaps the
 * HTTP stages of its channel for the frame handler.
 */
final class PanelServerInitializer extends ChannelInitializer<Channel> {
    static final String STATIC = "static";
    static final String ACCESS = "api-access";
    static final String API = "api";

    private final PanelConfig config;
    private final MalformedRequestHandler malformed;
    private final WebSocketUpgradeHandler upgrade;
    private final StaticFileHandler statics;
    private final ApiAccessHandler access;
    private final ApiCallHandler calls;

    PanelServerInitializer(PanelConfig config, Router router, StaticFiles files, Json json, SessionStore sessions,
                           WebSocketEndpoint webSockets, Executor workers) {
        this.config = config;
        boolean secure = config.secureCookies();
        HttpResponder responder = new HttpResponder(json, secure);
        OriginPolicy origins = new OriginPolicy(config.allowedOrigins());
        this.malformed = new MalformedRequestHandler(responder);
        this.upgrade = new WebSocketUpgradeHandler(responder, sessions, origins, webSockets, secure);
        this.statics = new StaticFileHandler(responder, files);
        this.access = new ApiAccessHandler(responder, router, sessions, origins, secure);
        this.calls = new ApiCallHandler(responder, workers);
    }

    @Override
    protected void initChannel(Channel ch) {
        ch.pipeline()
                .addLast("http", new HttpServerCodec(4096, config.maxHeaderBytes(), 8192))
                .addLast("aggregate", new HttpObjectAggregator(config.maxRequestBytes()))
                .addLast("malformed", malformed)
                .addLast("ws-upgrade", upgrade)
                .addLast(STATIC, statics)
                .addLast(ACCESS, access)
                .addLast(API, calls);
    }
}
