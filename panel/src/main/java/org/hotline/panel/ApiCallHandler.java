package org.hotline.panel;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.hotline.panel.http.ApiException;
import org.hotline.panel.http.ApiResponse;
import org.hotline.panel.http.StoreErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last stage: runs the route's handler on the worker pool (handlers may block on storage or
 * bcrypt) and writes its response. What a handler throws is mapped here, once: an
 * {@link ApiException} or a store error ({@link StoreErrors}) to its status, anything else to a
 * logged 500. A full pool is a 503. Shared by all channels.
 */
@ChannelHandler.Sharable
final class ApiCallHandler extends SimpleChannelInboundHandler<ApiCall> {
    private static final Logger log = LoggerFactory.getLogger(ApiCallHandler.class);
    private final HttpResponder responder;
    private final Executor workers;

    ApiCallHandler(HttpResponder responder, Executor workers) {
        this.responder = responder;
        this.workers = workers;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ApiCall call) {
        try {
            workers.execute(() -> responder.send(ctx, run(call), call.keepAlive()));
        } catch (RejectedExecutionException e) {
            responder.error(ctx, new ApiException(503, "busy", "The panel is shutting down or overloaded; retry shortly."),
                    false);
        }
    }

    private ApiResponse run(ApiCall call) {
        try {
            return call.route().handler().handle(call.request());
        } catch (RuntimeException e) {
            Optional<ApiException> refusal = StoreErrors.toApi(e);
            if (refusal.isPresent()) {
                return responder.json().error(refusal.get());
            }
            return internalError(call, e);
        } catch (Exception e) {
            return internalError(call, e);
        }
    }

    private ApiResponse internalError(ApiCall call, Exception e) {
        log.error("{} {} failed", call.request().method(), call.request().path(), e);
        return responder.json().error(new ApiException(500, "internal_error",
                "The panel could not complete this request (" + e.getClass().getSimpleName()
                        + "); it has been logged. Retry, and tell an administrator if it persists."));
    }
}
