package org.hotline.panel;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;
import org.hotline.panel.http.ApiResponse;
import org.hotline.panel.http.StaticFiles;

/**
 * The static-files stage: a {@code GET} or {@code HEAD} outside {@code /api/} for a file the
 * panel ships (the page, its scripts and styles) is answered here; everything else goes on.
 * Shared by all channels.
 */
@ChannelHandler.Sharable
final class StaticFileHandler extends ChannelInboundHandlerAdapter {
    private final HttpResponder responder;
    private final StaticFiles statics;

    StaticFileHandler(HttpResponder responder, StaticFiles statics) {
        this.responder = responder;
        this.statics = statics;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof FullHttpRequest req
                && (req.method().equals(HttpMethod.GET) || req.method().equals(HttpMethod.HEAD))) {
            String path = new QueryStringDecoder(req.uri()).path();
            var file = path.startsWith("/api/") ? java.util.Optional.<StaticFiles.StaticFile>empty() : statics.find(path);
            if (file.isPresent()) {
                try {
                    responder.send(ctx, new ApiResponse(200, file.get().contentType(), file.get().bytes(), List.of()),
                            HttpUtil.isKeepAlive(req));
                } finally {
                    req.release();
                }
                return;
            }
        }
        ctx.fireChannelRead(msg);
    }
}
