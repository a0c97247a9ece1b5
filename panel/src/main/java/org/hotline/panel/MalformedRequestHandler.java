package org.hotline.panel;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import org.hotline.panel.http.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First stage after the codecs: a request the decoder could not read gets its status here (431
 * headers too long, 414 request line too long, 400 otherwise) and the connection closes; every
 * other request goes on unchanged. Shared by all channels.
 */
@ChannelHandler.Sharable
final class MalformedRequestHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(MalformedRequestHandler.class);
    private final HttpResponder responder;

    MalformedRequestHandler(HttpResponder responder) {
        this.responder = responder;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof FullHttpRequest req && req.decoderResult().isFailure()) {
            try {
                Throwable cause = req.decoderResult().cause();
                int status = cause instanceof TooLongHttpHeaderException ? 431
                        : cause instanceof TooLongHttpLineException ? 414 : 400;
                responder.error(ctx, new ApiException(status, "bad_request",
                        "The request could not be read: " + (cause instanceof TooLongFrameException
                                ? "its headers or request line are too long" : "malformed HTTP")), false);
            } finally {
                req.release();
            }
            return;
        }
        ctx.fireChannelRead(msg);
    }

    /** The last word on a failed connection for every stage behind it. */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("panel connection {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
