package org.hotline.storage.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watchdog reports the server's pid, stops it when the lifeline closes, and reports its exit. */
class LifelineProcessTest {

    @TempDir
    Path tmp;

    @Test
    void closingTheLifelineStopsTheServerWithItsSignal() throws Exception {
        LifelineProcess p = LifelineProcess.launch(List.of("sleep", "300"), tmp, tmp.resolve("sleep.log"), "TERM",
                Duration.ofSeconds(5));
        awaitCommand(p.pid(), "sleep"); // the watchdog's fork becomes the program itself

        p.stop(Duration.ofSeconds(10));

        assertThat(p.isAlive()).isFalse();
        assertThat(p.onExit().get(5, TimeUnit.SECONDS)).isEqualTo(128 + 15);
        assertThat(ProcessHandle.of(p.pid()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void aServerThatIgnoresItsSignalIsKilledAfterTheGrace() throws Exception {
        Path script = Files.writeString(tmp.resolve("stubborn.sh"),
                "trap '' INT\n: > trapped\nwhile :; do sleep 0.2; done\n");
        LifelineProcess p = LifelineProcess.launch(List.of("sh", script.toString()), tmp, tmp.resolve("s.log"), "INT",
                Duration.ofMillis(500));
        while (!Files.exists(tmp.resolve("trapped"))) {
            assertThat(p.isAlive()).isTrue();
            Thread.sleep(20);
        }

        p.stop(Duration.ofSeconds(10));

        assertThat(p.onExit().get(5, TimeUnit.SECONDS)).isEqualTo(128 + 9);
    }

    private static void awaitCommand(long pid, String program) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!ProcessHandle.of(pid).flatMap(h -> h.info().command()).map(c -> c.endsWith("/" + program)).orElse(false)) {
            assertThat(System.nanoTime()).as("pid " + pid + " becomes " + program).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void aServerThatExitsByItselfIsReportedWithItsStatus() throws Exception {
        LifelineProcess p = LifelineProcess.launch(List.of("sh", "-c", "echo started; exit 7"), tmp,
                tmp.resolve("x.log"), "TERM", Duration.ofSeconds(5));

        assertThat(p.onExit().get(10, TimeUnit.SECONDS)).isEqualTo(7);
        assertThat(Files.readString(tmp.resolve("x.log"))).contains("started");
    }
}
