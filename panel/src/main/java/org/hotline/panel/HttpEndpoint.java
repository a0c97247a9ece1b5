package org.hotline.panel;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.hotline.panel.auth.SessionStore;
import org.hotline.panel.http.Json;
import org.hotline.panel.http.Router;
import org.hotline.panel.http.StaticFiles;
import org.hotline.panel.ws.WebSocketEndpoint;

/**
 * The Netty bootstrap: binds, runs, and shuts down its event loops and worker pool. Knows
 * nothing of tickets; {@link PanelServer} gives it the router and the WebSocket endpoint.
 * Not thread-safe for start/stop (call them from one thread); serving is concurrent.
 */
final class HttpEndpoint implements AutoCloseable {
    private final PanelConfig config;
    private final PanelServerInitializer initializer;
    private final ExecutorService workers;
    private EventLoopGroup boss;
    private EventLoopGroup loops;
    private Channel channel;

    HttpEndpoint(PanelConfig config, Router router, Json json, SessionStore sessions, WebSocketEndpoint ws,
                 ExecutorService workers) {
        this.config = config;
        this.workers = workers;
        this.initializer = new PanelServerInitializer(config, router,
                new StaticFiles(HttpEndpoint.class.getClassLoader()), json, sessions, ws, workers);
    }

    InetSocketAddress start() throws InterruptedException {
        boss = new NioEventLoopGroup(1);
        loops = new NioEventLoopGroup(Math.max(2, Runtime.getRuntime().availableProcessors()));
        try {
            channel = new ServerBootstrap()
                    .group(boss, loops)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(initializer)
                    .bind(config.bindHost(), config.port())
                    .sync()
                    .channel();
        } catch (RuntimeException | InterruptedException e) {
            close();
            throw e;
        }
        return (InetSocketAddress) channel.localAddress();
    }

    @Override
    public void close() {
        try {
            if (channel != null) {
                channel.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
            }
        } finally {
            if (boss != null) {
                boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
            }
            if (loops != null) {
                loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
            }
            workers.shutdownNow();
        }
    }
}
