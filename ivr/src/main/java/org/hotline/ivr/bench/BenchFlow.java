package org.hotline.ivr.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.hotline.ivr.agi.AgiCommand;
import org.hotline.ivr.agi.AgiFlow;
import org.hotline.ivr.agi.AgiSession;

/**
 * The benchmark call, on the hotline server: answer, one prompt, three key entries, five
 * variables, the same ten commands as {@link BenchScript} sends through Asterisk-Java.
 */
final class BenchFlow implements AgiFlow {
    static final int COMMANDS = 10;

    /** The call's commands in order, as the floor server pre-encodes them. */
    static List<AgiCommand> commands() {
        List<AgiCommand> commands = new ArrayList<>(List.of(new AgiCommand.Answer(),
                new AgiCommand.StreamFile("hello-world", ""), new AgiCommand.GetData("hotline/menu", 6000, 1),
                new AgiCommand.GetData("hotline/callback-enter", 6000, 20),
                new AgiCommand.GetData("hotline/location", 6000, 12)));
        for (int i = 1; i <= 5; i++) {
            commands.add(new AgiCommand.SetVariable("HOTLINE_BENCH_" + i, "value"));
        }
        return commands;
    }

    @Override
    public CompletionStage<?> run(AgiSession session) {
        CompletableFuture<?> call = session.send(new AgiCommand.Answer())
                .thenCompose(r -> session.send(new AgiCommand.StreamFile("hello-world", "")))
                .thenCompose(r -> session.send(new AgiCommand.GetData("hotline/menu", 6000, 1)))
                .thenCompose(r -> session.send(new AgiCommand.GetData("hotline/callback-enter", 6000, 20)))
                .thenCompose(r -> session.send(new AgiCommand.GetData("hotline/location", 6000, 12)));
        for (int i = 1; i <= 5; i++) {
            String name = "HOTLINE_BENCH_" + i;
            call = call.thenCompose(r -> session.setVariable(name, "value"));
        }
        return call;
    }
}
