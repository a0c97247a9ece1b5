package org.hotline.bench.agi;

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
    /** The call's commands in order: what the flow sends and what the floor server pre-encodes. */
    static final List<AgiCommand> CALL = call();
    static final int COMMANDS = CALL.size();

    private static List<AgiCommand> call() {
        List<AgiCommand> commands = new ArrayList<>(List.of(new AgiCommand.Answer(),
                new AgiCommand.StreamFile("hello-world", ""), new AgiCommand.GetData("hotline/menu", 6000, 1),
                new AgiCommand.GetData("hotline/callback-enter", 6000, 20),
                new AgiCommand.GetData("hotline/location", 6000, 12)));
        for (int i = 1; i <= 5; i++) {
            commands.add(new AgiCommand.SetVariable("HOTLINE_BENCH_" + i, "value"));
        }
        return List.copyOf(commands);
    }

    @Override
    public CompletionStage<?> run(AgiSession session) {
        CompletableFuture<?> call = CompletableFuture.completedFuture(null);
        for (AgiCommand command : CALL) {
            call = call.thenCompose(r -> session.send(command));
        }
        return call;
    }
}
