package org.hotline.ivr.agi;

import io.micrometer.core.instrument.MeterRegistry;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FastAGI server: Asterisk connects for each {@code AGI(agi://host:port/<flow>)} and the
 * named {@link AgiFlow} runs the call.
 *
 * <pre>{@code
 * var flows = new AgiFlows(Map.of("hotline", hotlineFlow, "survey", surveyFlow));
 * try (var server = new FastAgiServer(config, flows, meterRegistry)) {
 *     server.start();            // binds; returns once listening
 *     server.awaitClose();       // or keep it and close() on shutdown
 * }
 * }</pre>
 *
 * <p>Protection: peers not in {@link FastAgiConfig#allowedHosts()} are closed at once and
 * logged; calls beyond {@link FastAgiConfig#maxCalls()} get {@code HOTLINE_STATUS=OVERLOAD};
 * an unknown flow name gets {@code HOTLINE_STATUS=UNKNOWN_FLOW}. See {@link AgiSession} for
 * the concurrency model. {@link #close()} stops accepting, closes the event loops gracefully
 * and stops the dependency pool; it is idempotent.
 */
public final class FastAgiServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FastAgiServer.class);

    private final FastAgiConfig config;
    private final AgiFlows flows;
    private final CallMetrics metrics;
    private final CallGate gate;
    private final MeterRegistry registry;
    private EventLoopGroup boss;
    private EventLoopGroup workers;
    private DependencyPool dependencies;
    private Channel listener;

    public FastAgiServer(FastAgiConfig config, AgiFlows flows, MeterRegistry registry) {
        this.config = config;
        this.flows = flows;
        this.registry = registry;
        this.metrics = new CallMetrics(registry);
        this.gate = new CallGate(config.maxCalls());
    }

    /** Binds the listening socket; throws if the address is taken or not local. */
    public synchronized void start() throws InterruptedException {
        if (listener != null) {
            throw new IllegalStateException("the FastAGI server is already started");
        }
        PeerFilter peers = PeerFilter.resolve(config.allowedHosts());
        registry.gauge("hotline.calls.active", gate, CallGate::active);
        boss = new NioEventLoopGroup(1);
        workers = new NioEventLoopGroup(config.ioThreads());
        dependencies = new DependencyPool(config.dependencyThreads(), config.dependencyTimeout());
        boolean started = false;
        try {
            DependencyPool pool = dependencies;
            var bootstrap = new ServerBootstrap()
                    .group(boss, workers)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 4096)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new FastAgiServerInitializer(
                            () -> new FastAgiServerHandler(flows, gate, peers, metrics, pool)));
            listener = bootstrap.bind(config.bindAddress(), config.port()).sync().channel();
            started = true;
            log.info("FastAGI server listening on {} with flows {}", listener.localAddress(), flows.names());
        } catch (Exception e) {
            throw new IllegalStateException("cannot listen for FastAGI on " + config.bindAddress() + ":" + config.port()
                    + " (asterisk.agi.bind/port): " + e.getMessage(), e);
        } finally {
            if (!started) {
                close();
            }
        }
    }

    /** The bound address (useful with port 0). */
    public InetSocketAddress localAddress() {
        if (listener == null) {
            throw new IllegalStateException("the FastAGI server is not started");
        }
        return (InetSocketAddress) listener.localAddress();
    }

    /** Calls being served now. */
    public int activeCalls() {
        return gate.active();
    }

    /** Blocks until the listening socket closes, then shuts everything down. */
    public void awaitClose() throws InterruptedException {
        try {
            if (listener != null) {
                listener.closeFuture().sync();
            }
        } finally {
            close();
        }
    }

    @Override
    public synchronized void close() {
        try {
            if (listener != null) {
                listener.close().syncUninterruptibly();
            }
        } finally {
            if (boss != null) {
                boss.shutdownGracefully(100, 5000, TimeUnit.MILLISECONDS).syncUninterruptibly();
            }
            if (workers != null) {
                workers.shutdownGracefully(100, 5000, TimeUnit.MILLISECONDS).syncUninterruptibly();
            }
            if (dependencies != null) {
                dependencies.close();
            }
            boss = null;
            workers = null;
            dependencies = null;
        }
    }
}
