package org.hotline.storage.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.hotline.domain.store.ForwardingTicketStore;
import org.hotline.domain.store.StoreUnavailableException;
import org.hotline.domain.testing.InMemoryTickets;
import org.hotline.domain.ticket.CallIntake;
import org.hotline.domain.ticket.CallOutcome;
import org.hotline.domain.ticket.IntakeUpdate;
import org.hotline.domain.ticket.RequestKind;
import org.hotline.domain.ticket.Ticket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteBehindTicketStoreTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T08:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    /** The store behind: records every write in order; can be made unreachable or slow. */
    static final class Behind extends ForwardingTicketStore {
        final List<String> writes = Collections.synchronizedList(new ArrayList<>());
        final ConcurrentHashMap<String, Long> ids = new ConcurrentHashMap<>();
        final ConcurrentHashMap<Long, String> calls = new ConcurrentHashMap<>();
        final AtomicLong next = new AtomicLong();
        final AtomicBoolean down = new AtomicBoolean();
        volatile CountDownLatch gate = new CountDownLatch(0);

        Behind() {
            super(new InMemoryTickets(CLOCK));
        }

        private void reach() {
            try {
                gate.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (down.get()) {
                throw new StoreUnavailableException("PostgreSQL is unreachable (test)", null);
            }
        }

        @Override
        public Ticket openForCall(CallIntake intake) {
            reach();
            long id = ids.computeIfAbsent(intake.linkedid(), l -> {
                writes.add("open " + l + " " + intake.number());
                long n = next.incrementAndGet();
                calls.put(n, l);
                return n;
            });
            String number = intake.number() != null ? intake.number() : String.format("HL-2026-%06d", 900_000 + id);
            return new Ticket.Builder().id(id).number(number).line(intake.line()).linkedid(intake.linkedid())
                    .createdAt(intake.at()).updatedAt(intake.at()).build();
        }

        @Override
        public Ticket updateIntake(long id, IntakeUpdate update) {
            reach();
            writes.add("update " + calls.get(id) + " " + update.kind());
            return new Ticket.Builder().id(id).number("x").line("l").linkedid("x").createdAt(CLOCK.instant())
                    .updatedAt(CLOCK.instant()).build();
        }

        @Override
        public Ticket recordCallOutcome(long id, CallOutcome outcome) {
            reach();
            writes.add("outcome " + calls.get(id) + " " + outcome.disposition());
            return new Ticket.Builder().id(id).number("x").line("l").linkedid("x").createdAt(CLOCK.instant())
                    .updatedAt(CLOCK.instant()).build();
        }

        @Override
        public Optional<Ticket> findByLinkedid(String linkedid) {
            Long id = ids.get(linkedid);
            return id == null ? Optional.empty() : Optional.of(new Ticket.Builder().id(id).number("x").line("l")
                    .linkedid(linkedid).createdAt(CLOCK.instant()).updatedAt(CLOCK.instant()).build());
        }
    }

    private static CallIntake call(String linkedid) {
        return new CallIntake("complaints", "13912345678", null, linkedid, linkedid, CLOCK.instant());
    }

    private WriteBehindTicketStore store(Behind behind, Path journal, AtomicLong numbers) {
        return new WriteBehindTicketStore(behind, new IntakeJournal(journal, 3),
                at -> Optional.of(String.format("HL-2026-%06d", numbers.incrementAndGet())), CLOCK, 4);
    }

    @Test
    void theCallerGetsTheReservedNumberAtOnceWhileTheDatabaseIsSlowAndTheWritesFollowInOrder() throws Exception {
        Behind behind = new Behind();
        behind.gate = new CountDownLatch(1); // every write waits
        try (WriteBehindTicketStore store = store(behind, dir.resolve("journal"), new AtomicLong(41))) {
            long began = System.nanoTime();
            Ticket t = store.openForCall(call("call-1"));
            store.updateIntake(t.id(), IntakeUpdate.none().withKind(RequestKind.COMPLAINT));
            store.recordCallOutcome(t.id(), new CallOutcome.Forwarded("duty-a", "13800000001"));
            store.recordCallOutcome(t.id(), new CallOutcome.Answered("duty-a"));
            assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(2));
            assertThat(t.number()).isEqualTo("HL-2026-000042");
            assertThat(t.id()).isLessThanOrEqualTo(WriteBehindTicketStore.LOCAL_IDS);
            assertThat(behind.writes).isEmpty();
            assertThat(store.pending()).isEqualTo(4);

            behind.gate.countDown();
            assertThat(store.awaitWritten(Duration.ofSeconds(10))).isTrue();
            assertThat(behind.writes).containsExactly("open call-1 HL-2026-000042", "update call-1 COMPLAINT",
                    "outcome call-1 FORWARDED", "outcome call-1 ANSWERED");
        }
    }

    @Test
    void writesWaitForTheDatabaseAndKeepTheirOrder() throws Exception {
        Behind behind = new Behind();
        behind.down.set(true);
        try (WriteBehindTicketStore store = store(behind, dir.resolve("journal"), new AtomicLong())) {
            Ticket t = store.openForCall(call("call-2"));
            store.recordCallOutcome(t.id(), new CallOutcome.Abandoned());
            Thread.sleep(300);
            assertThat(behind.writes).isEmpty();
            behind.down.set(false);
            assertThat(store.awaitWritten(Duration.ofSeconds(15))).isTrue();
            assertThat(behind.writes).containsExactly("open call-2 HL-2026-000001", "outcome call-2 ABANDONED");
        }
    }

    @Test
    void whatAKilledProcessJournaledIsWrittenByTheNextAndNothingWrittenTwice() throws Exception {
        Path journal = dir.resolve("journal");
        Behind first = new Behind();
        first.down.set(true); // the database never answered the first process
        WriteBehindTicketStore dead = store(first, journal, new AtomicLong());
        Ticket a = dead.openForCall(call("call-a"));
        dead.updateIntake(a.id(), IntakeUpdate.none().withKind(RequestKind.REPAIR));
        Ticket b = dead.openForCall(call("call-b"));
        dead.recordCallOutcome(b.id(), new CallOutcome.NoAnswer());
        // killed: its writers never get through; only the journal on disk is left

        Behind second = new Behind();
        try (WriteBehindTicketStore next = store(second, journal, new AtomicLong(100))) {
            assertThat(next.recover()).isEqualTo(4);
            assertThat(next.awaitWritten(Duration.ofSeconds(10))).isTrue();
            assertThat(second.writes).containsExactlyInAnyOrder("open call-a HL-2026-000001", "update call-a REPAIR",
                    "open call-b HL-2026-000002", "outcome call-b NO_ANSWER");
            assertThat(second.writes.indexOf("open call-a HL-2026-000001"))
                    .isLessThan(second.writes.indexOf("update call-a REPAIR"));
            assertThat(second.writes.indexOf("open call-b HL-2026-000002"))
                    .isLessThan(second.writes.indexOf("outcome call-b NO_ANSWER"));
            Ticket c = next.openForCall(call("call-c"));
            assertThat(c.number()).isEqualTo("HL-2026-000101");
            assertThat(next.awaitWritten(Duration.ofSeconds(10))).isTrue();
        }
        first.down.set(false);
        Behind third = new Behind();
        try (WriteBehindTicketStore again = store(third, journal, new AtomicLong(200))) {
            assertThat(again.recover()).as("every record has its marker").isZero();
        }
        try (var files = Files.list(journal)) {
            assertThat(files.count()).as("written journal files are deleted; the current one stays").isLessThanOrEqualTo(2);
        }
    }

    @Test
    void withoutAReservedNumberTheIntakeIsWrittenAtOnceAsBefore() throws Exception {
        Behind behind = new Behind();
        try (WriteBehindTicketStore store = new WriteBehindTicketStore(behind, new IntakeJournal(dir, 10),
                at -> Optional.empty(), CLOCK, 2)) {
            Ticket t = store.openForCall(call("call-d"));
            assertThat(t.id()).isPositive();
            assertThat(behind.writes).containsExactly("open call-d null");
            store.recordCallOutcome(t.id(), new CallOutcome.Abandoned());
            assertThat(behind.writes).containsExactly("open call-d null", "outcome call-d ABANDONED");
        }
    }

    @Test
    void aTornLastLineIsSkippedAndTheRestRecovered() throws Exception {
        Path journal = dir.resolve("journal");
        journalOfOne(journal, 100, "call-e", "HL-2026-000007").close();
        try (var files = Files.list(journal)) {
            Path file = files.findFirst().orElseThrow();
            Files.writeString(file, "{\"seq\":99,\"rec\":{\"linked", java.nio.file.StandardOpenOption.APPEND);
        }
        List<IntakeJournal.Entry> left = new IntakeJournal(journal, 100).recover();
        assertThat(left).hasSize(1);
        assertThat(((SpoolRecord.Open) left.get(0).record()).intake().number()).isEqualTo("HL-2026-000007");
    }

    @Test
    void asyncWritesHoldNoThreadWhileTheJournalForcesAndCompleteInTheirOrder() throws Exception {
        Behind behind = new Behind();
        try (WriteBehindTicketStore store = store(behind, dir.resolve("journal"), new AtomicLong())) {
            // one thread starts 300 calls without waiting on any: the sync form would need a thread each
            List<java.util.concurrent.CompletableFuture<Ticket>> opened = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                opened.add(store.openForCallAsync(call("async-" + i)));
            }
            List<java.util.concurrent.CompletableFuture<Ticket>> outcomes = new ArrayList<>();
            for (var f : opened) {
                Ticket t = f.get(10, TimeUnit.SECONDS);
                assertThat(t.id()).isLessThanOrEqualTo(WriteBehindTicketStore.LOCAL_IDS);
                outcomes.add(store.updateIntakeAsync(t.id(), IntakeUpdate.none().withKind(RequestKind.INQUIRY))
                        .thenCompose(u -> store.recordCallOutcomeAsync(t.id(), new CallOutcome.Answered("alice"))));
            }
            for (var f : outcomes) {
                assertThat(f.get(10, TimeUnit.SECONDS).callDisposition()).isNotNull();
            }
            assertThat(opened.stream().map(f -> f.join().number()).distinct()).hasSize(300);
            assertThat(store.awaitWritten(Duration.ofSeconds(20))).isTrue();
            assertThat(behind.writes).hasSize(900);
            for (int i = 0; i < 300; i += 37) {
                String call = "async-" + i;
                List<String> mine = behind.writes.stream().filter(w -> w.contains(" " + call + " ")).toList();
                assertThat(mine).hasSize(3);
                assertThat(mine.get(0)).startsWith("open ");
                assertThat(mine.get(1)).isEqualTo("update " + call + " INQUIRY");
                assertThat(mine.get(2)).isEqualTo("outcome " + call + " ANSWERED");
            }
        }
    }

    @Test
    void aJournalThatCannotBeWrittenSendsTheCallsRecordsToTheDatabaseInTheirTurn() throws Exception {
        Behind behind = new Behind();
        Path journal = dir.resolve("journal");
        AtomicLong numbers = new AtomicLong();
        // one record per file: every record opens a new file, which fails while the directory is gone
        try (WriteBehindTicketStore store = new WriteBehindTicketStore(behind, new IntakeJournal(journal, 1),
                at -> Optional.of(String.format("HL-2026-%06d", numbers.incrementAndGet())), CLOCK, 2)) {
            Ticket journaled = store.openForCallAsync(call("call-f")).get(10, TimeUnit.SECONDS);
            assertThat(store.awaitWritten(Duration.ofSeconds(10))).isTrue();
            removeDirectory(journal);

            Ticket direct = store.openForCallAsync(call("call-g")).get(10, TimeUnit.SECONDS);
            assertThat(direct.id()).as("written by the database, not journaled").isPositive();
            assertThat(direct.number()).isEqualTo("HL-2026-000002");
            Ticket outcome = store.recordCallOutcomeAsync(journaled.id(), new CallOutcome.Abandoned())
                    .get(10, TimeUnit.SECONDS);
            assertThat(outcome.id()).isEqualTo(journaled.id());
            assertThat(behind.writes).containsExactly("open call-f HL-2026-000001", "open call-g HL-2026-000002",
                    "outcome call-f ABANDONED");
            assertThat(store.pending()).as("a record that never reached the disk is not waited for").isZero();

            Files.createDirectories(journal);
            Ticket again = store.openForCallAsync(call("call-h")).get(10, TimeUnit.SECONDS);
            assertThat(again.id()).as("journaled again once the disk takes it").isLessThanOrEqualTo(
                    WriteBehindTicketStore.LOCAL_IDS);
            assertThat(store.awaitWritten(Duration.ofSeconds(10))).isTrue();
            assertThat(behind.writes).endsWith("open call-h HL-2026-000003");
        }
    }

    @Test
    void aSyncAppendWhoseLineWasInAFailedWriteFailsEvenWhenALaterForceSucceeds() throws Exception {
        Path journal = dir.resolve("journal");
        IntakeJournal j = journalOfOne(journal, 1, "call-i", "HL-2026-000009");
        removeDirectory(journal);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> j.append(new SpoolRecord.Open(call("call-j").withNumber("HL-2026-000010"))))
                .isInstanceOf(java.io.UncheckedIOException.class).hasMessageContaining("intake journal");
        Files.createDirectories(journal);
        long seq = j.append(new SpoolRecord.Open(call("call-k").withNumber("HL-2026-000011")));
        assertThat(j.pending()).as("call-i and call-k; call-j never reached the disk").isEqualTo(2);
        j.applied(seq);
        j.close();
        List<IntakeJournal.Entry> left = new IntakeJournal(journal, 1).recover();
        assertThat(left).isEmpty(); // call-i's file went with the directory; call-k has its marker
    }

    /** A journal holding one intake record, forced. */
    private static IntakeJournal journalOfOne(Path journal, int segmentRecords, String linkedid, String number) {
        IntakeJournal j = new IntakeJournal(journal, segmentRecords);
        j.recover();
        j.append(new SpoolRecord.Open(call(linkedid).withNumber(number)));
        return j;
    }

    /** The journal's directory gone from under it, as a failed or unmounted disk leaves it. */
    private static void removeDirectory(Path journal) throws java.io.IOException {
        try (var files = Files.list(journal)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(journal);
    }
}
