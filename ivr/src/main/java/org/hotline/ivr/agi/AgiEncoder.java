package org.hotline.ivr.agi;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Writes an {@link AgiCommand} as its {@link AgiCommand#render() rendered} line plus
 * {@code \n}. Stateless and sharable.
 */
@ChannelHandler.Sharable
public final class AgiEncoder extends MessageToByteEncoder<AgiCommand> {

    @Override
    protected void encode(ChannelHandlerContext ctx, AgiCommand command, ByteBuf out) {
        out.writeCharSequence(command.render(), StandardCharsets.UTF_8);
        out.writeByte('\n');
    }
}
