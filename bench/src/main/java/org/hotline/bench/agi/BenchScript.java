package org.hotline.bench.agi;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;

/** The benchmark call as an Asterisk-Java {@link AgiScript}: the baseline of {@link BenchFlow}. */
final class BenchScript implements AgiScript {
    @Override
    public void service(AgiRequest request, AgiChannel channel) throws AgiException {
        channel.answer();
        channel.streamFile("hello-world", "");
        channel.getData("hotline/menu", 6000, 1);
        channel.getData("hotline/callback-enter", 6000, 20);
        channel.getData("hotline/location", 6000, 12);
        for (int i = 1; i <= 5; i++) {
            channel.setVariable("HOTLINE_BENCH_" + i, "value");
        }
    }
}
