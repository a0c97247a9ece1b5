package org.hotline.panel;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import org.hotline.panel.http.ApiException;
import org.hotline.panel.http.ApiResponse;
import org.hotline.panel.http.Json;
import org.hotline.panel.http.SecurityHeaders;

/**
 * Writes an {@link ApiResponse} as the HTTP response of every pipeline stage: security headers
 * on every response, keep-alive or close. Stateless apart from its settings; thread-safe (a
 * worker thread may write).
 */
final class HttpResponder {
    private final Json json;
    private final boolean secure;

    HttpResponder(Json json, boolean secure) {
        this.json = json;
        this.secure = secure;
    }

    Json json() {
        return json;
    }

    void error(ChannelHandlerContext ctx, ApiException e, boolean keepAlive) {
        send(ctx, json.error(e), keepAlive);
    }

    void send(ChannelHandlerContext ctx, ApiResponse r, boolean keepAlive) {
        FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(r.status()),
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
}
