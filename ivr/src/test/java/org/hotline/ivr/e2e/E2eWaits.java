package org.hotline.ivr.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.hotline.domain.store.TicketStore;
import org.hotline.domain.ticket.Ticket;
import org.hotline.ivr.ami.AmiClient;

/** Conditions the end-to-end tests wait on (never a guessed delay). Stateless. */
final class E2eWaits {
    private E2eWaits() {
    }

    /** Waits until the AMI client is logged in. */
    static void connected(AmiClient ami, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ami.isConnected()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the AMI client did not log in within " + timeout);
            }
            Thread.sleep(100);
        }
    }

    /** Waits until the ticket of {@code call} satisfies {@code done} (outcomes are written as the call goes). */
    static Ticket ticket(TicketStore tickets, TestCall call, Predicate<Ticket> done, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Optional<Ticket> t = Optional.empty();
        while (System.nanoTime() < deadline) {
            t = tickets.findByLinkedid(call.callerId());
            if (t.isPresent() && done.test(t.get())) {
                return t.get();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("ticket of call " + call.callerId() + " never reached the expected state; last: " + t);
    }

    /** Waits until {@code path} (a file, or any file in it when it is a directory) holds more than {@code bytes}. */
    static void grownBeyond(Path path, long bytes, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.list(path)) {
                    if (files.anyMatch(f -> f.toFile().length() > bytes)) {
                        return;
                    }
                }
            } else if (Files.exists(path) && Files.size(path) > bytes) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(path + " did not grow beyond " + bytes + " bytes within " + timeout);
    }
}
