package org.hotline.bench.agi;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import java.nio.charset.StandardCharsets;
import org.hotline.ivr.agi.AgiCommand;

/**
 * The least a FastAGI server can do per command: pre-encoded commands of {@link BenchFlow}, no
 * parsing beyond finding line ends, no flow. Run against the driver it shows the round trip the
 * driver, the kernel and the JVM add on their own: the floor under both servers' figures.
 */
final class FloorServer implements AutoCloseable {
    private static final ByteBuf[] COMMANDS = BenchFlow.CALL.stream()
            .map(command -> Unpooled.unreleasableBuffer(Unpooled.directBuffer().writeBytes(
                    (command.render() + "\n").getBytes(StandardCharsets.UTF_8))))
            .toArray(ByteBuf[]::new);

    private final EventLoopGroup boss = new NioEventLoopGroup(1);
    private final EventLoopGroup workers;
    private final Channel listener;

    FloorServer(int port, int ioThreads) throws InterruptedException {
        workers = new NioEventLoopGroup(ioThreads);
        listener = new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 4096)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new LineBasedFrameDecoder(8192), new Call());
                    }
                })
                .bind("127.0.0.1", port).sync().channel();
    }

    @Override
    public void close() {
        listener.close().syncUninterruptibly();
        boss.shutdownGracefully().syncUninterruptibly();
        workers.shutdownGracefully().syncUninterruptibly();
    }

    private static final class Call extends ChannelInboundHandlerAdapter {
        private boolean inEnvironment = true;
        private int next;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf line = (ByteBuf) msg;
            boolean blank = !line.isReadable();
            line.release();
            if (inEnvironment) {
                if (!blank) {
                    return;
                }
                inEnvironment = false;
            }
            if (next == COMMANDS.length) {
                ctx.close();
            } else {
                ctx.writeAndFlush(COMMANDS[next++].duplicate());
            }
        }
    }
}
