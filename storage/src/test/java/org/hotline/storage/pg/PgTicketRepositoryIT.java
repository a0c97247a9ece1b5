package org.hotline.storage.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hotline.storage.Storage;
import org.hotline.domain.testing.MutableClock;
import org.hotline.storage.testing.FreshStorage;
import org.hotline.domain.ticket.Actor;
import org.hotline.domain.ticket.CallIntake;
import org.hotline.domain.ticket.CallOutcome;
import org.hotline.domain.ticket.CallbackResult;
import org.hotline.domain.ticket.CallerHistory;
import org.hotline.domain.ticket.Classification;
import org.hotline.domain.ticket.Department;
import org.hotline.domain.ticket.Handover;
import org.hotline.domain.ticket.HistoryEvent;
import org.hotline.domain.ticket.IntakeUpdate;
import org.hotline.domain.ticket.LinkReason;
import org.hotline.domain.ticket.RequestKind;
import org.hotline.domain.ticket.Role;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.ticket.TicketAction;
import org.hotline.domain.store.TicketQuery;
import org.hotline.domain.ticket.CallDisposition;
import org.hotline.domain.ticket.TicketStatus;
import org.hotline.domain.store.TicketStore;
import org.hotline.domain.ticket.TransitionRefusedException;
import org.hotline.domain.ticket.User;
import org.hotline.domain.store.VersionConflictException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PgTicketRepositoryIT {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Actor ALICE = new Actor("alice", Role.AGENT);
    static final Actor BOB = new Actor("bob", Role.AGENT);
    static final Actor SUE = new Actor("sue", Role.SUPERVISOR);
    static final Actor TINA = new Actor("tina", Role.TIP_OFF_HANDLER);

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T01:30:00.123456789Z"), SHANGHAI);
    Storage storage;
    TicketStore store;

    @RegisterExtension
    final FreshStorage fresh = new FreshStorage(clock);

    @BeforeEach
    void start() {
        storage = fresh.storage();
        store = storage.tickets();
    }

    CallIntake call(String linkedid, String number) {
        return new CallIntake("complaints", number, "Wang", "u-" + linkedid, linkedid, clock.instant());
    }

    @Test
    void intakeOpensAnAcceptedTicketWithANumberAndAnOpeningEvent() {
        Ticket t = store.openForCall(call("1700000000.1", "13900000001"));
        assertThat(t.number()).isEqualTo("HL-2026-000001");
        assertThat(t.status()).isEqualTo(TicketStatus.ACCEPTED);
        assertThat(t.kind()).isNull();
        assertThat(t.version()).isZero();
        assertThat(t.createdAt()).isEqualTo(Instant.parse("2026-03-02T01:30:00.123456Z"));
        assertThat(store.openForCall(call("1700000000.2", "13900000001")).number()).isEqualTo("HL-2026-000002");
        List<HistoryEvent> h = store.history(t.id());
        assertThat(h).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("opened");
            assertThat(e.seq()).isEqualTo(1);
            assertThat(e.actor()).isEqualTo("ivr");
            assertThat(e.fromState()).isNull();
            assertThat(e.toState()).isEqualTo(TicketStatus.ACCEPTED);
        });
        assertThat(store.findByNumber("HL-2026-000001")).contains(t);
        assertThat(store.findByLinkedid("1700000000.1")).contains(t);
    }

    @Test
    void findAllReadsTheTicketsThatExistInTheOrderAsked() {
        Ticket a = store.openForCall(call("all.1", "13900000001"));
        Ticket b = store.openForCall(call("all.2", "13900000002"));
        Ticket c = store.updateIntake(store.openForCall(call("all.3", "13900000003")).id(),
                IntakeUpdate.none().withKind(RequestKind.REPAIR));
        assertThat(store.findAll(List.of(c.id(), 999_999L, a.id(), b.id()))).containsExactly(c, a, b);
        assertThat(store.findAll(List.of())).isEmpty();
    }

    @Test
    void anInterruptedCallWithTheUnknownKindIsStoredAndKeepsItsReasonInTheHistory() {
        Ticket t = store.openForCall(call("interrupted", "13900000011"));
        store.updateIntake(t.id(), IntakeUpdate.none().withKind(RequestKind.UNKNOWN));
        Ticket after = store.recordCallOutcome(t.id(), new CallOutcome.Interrupted("the FastAGI connection closed without a hangup"));

        assertThat(store.find(t.id()).orElseThrow()).isEqualTo(after);
        assertThat(after.kind()).isEqualTo(RequestKind.UNKNOWN);
        assertThat(after.callDisposition()).isEqualTo(CallDisposition.INTERRUPTED);
        assertThat(after.callbackRequested()).isTrue();
        HistoryEvent last = store.history(t.id()).get(store.history(t.id()).size() - 1);
        assertThat(last.action()).isEqualTo("call-interrupted");
        assertThat(last.data()).containsEntry("reason", "the FastAGI connection closed without a hangup");

        Ticket kept = store.recordCallOutcome(t.id(), new CallOutcome.Voicemail("/var/spool/asterisk/hotline-messages/x.wav",
                CallOutcome.Voicemail.KEPT_IN_FALLBACK_DIRECTORY));
        assertThat(kept.callDisposition()).isEqualTo(CallDisposition.VOICEMAIL);
        assertThat(store.history(t.id()).get(store.history(t.id()).size() - 1).data())
                .containsEntry("kept", "fallback-directory");
    }

    @Test
    void theYearOfTheNumberIsTheLocalYear() {
        clock.set(Instant.parse("2026-12-31T16:30:00Z")); // 2027-01-01 00:30 in Shanghai
        assertThat(store.openForCall(call("ny", "1")).number()).isEqualTo("HL-2027-000001");
    }

    @Test
    void theSameLinkedidTwiceYieldsOneTicket() {
        Ticket a = store.openForCall(call("dup", "139"));
        Ticket b = store.openForCall(call("dup", "139"));
        assertThat(b).isEqualTo(a);
        assertThat(store.history(a.id())).hasSize(1);
    }

    @Test
    void theSameLinkedidConcurrentlyYieldsOneTicket() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            for (int round = 0; round < 5; round++) {
                String linkedid = "race-" + round;
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Ticket>> fs = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    fs.add(pool.submit(() -> {
                        go.await();
                        return store.openForCall(call(linkedid, "138"));
                    }));
                }
                go.countDown();
                Set<Long> ids = new java.util.HashSet<>();
                for (Future<Ticket> f : fs) {
                    ids.add(f.get().id());
                }
                assertThat(ids).hasSize(1);
                assertThat(store.history(ids.iterator().next())).hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.search(TicketQuery.open(100), SUE)).hasSize(5);
    }

    @Test
    void concurrentCallsAreGroupCommittedEachWithItsOwnNumberAndOpeningEvent() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<List<Ticket>>> fs = new ArrayList<>();
        for (int w = 0; w < 16; w++) {
            int writer = w;
            fs.add(pool.submit(() -> {
                List<Ticket> mine = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    String linkedid = "gc-" + writer + "-" + i;
                    Ticket t = store.openForCall(call(linkedid, "1390000" + (i % 7)));
                    assertThat(t.linkedid()).isEqualTo(linkedid);
                    assertThat(store.openForCall(call(linkedid, "x"))).isEqualTo(t); // a retry in flight
                    mine.add(t);
                }
                return mine;
            }));
        }
        List<Ticket> all = new ArrayList<>();
        for (Future<List<Ticket>> f : fs) {
            all.addAll(f.get());
        }
        pool.shutdown();
        assertThat(all).hasSize(640);
        assertThat(all.stream().map(Ticket::number).distinct()).hasSize(640);
        assertThat(all.stream().map(Ticket::id).distinct()).hasSize(640);
        assertThat(all).allSatisfy(t -> assertThat(t.number()).matches("HL-2026-\\d{6}"));
        for (Ticket t : all.subList(0, 40)) {
            assertThat(store.history(t.id())).hasSize(1);
        }
        assertThat(store.search(TicketQuery.open(1000), SUE)).hasSize(640);
    }

    @Test
    void aComplaintLivesThroughTheStateMachineWithAFullHistory() {
        Ticket t = store.openForCall(call("life", "13900000009"));
        t = store.updateIntake(t.id(), IntakeUpdate.none().withKind(RequestKind.COMPLAINT)
                .withCallbackNumber("13900000009").withLocation("B3-1201")
                .withDeadlines(Map.of("resolve", Instant.parse("2026-03-04T09:30:00Z"))));
        t = store.recordCallOutcome(t.id(), new CallOutcome.Answered("alice"));
        assertThat(t.owner()).isEqualTo("alice");
        t = store.apply(t.id(), t.version(), ALICE, new TicketAction.Dispatch("engineering", "leak in B3"));
        t = store.apply(t.id(), t.version(), ALICE, new TicketAction.StartProgress(null));
        t = store.apply(t.id(), t.version(), ALICE, new TicketAction.Classify(Classification.VALID, "our pipe"));
        t = store.apply(t.id(), t.version(), ALICE, new TicketAction.Resolve("pipe replaced", "Zhao"));
        t = store.apply(t.id(), t.version(), ALICE, new TicketAction.RecordCallback(CallbackResult.UNSATISFIED, "still drips"));
        t = store.apply(t.id(), t.version(), ALICE, new TicketAction.Redispatch("still drips", null));
        assertThat(t.dispatchCount()).isEqualTo(2);
        t = store.apply(t.id(), t.version(), ALICE, new TicketAction.Resolve("valve replaced", "Zhao"));
        t = store.apply(t.id(), t.version(), ALICE, new TicketAction.RecordCallback(CallbackResult.SATISFIED, null));
        t = store.apply(t.id(), t.version(), ALICE, new TicketAction.Close("thanks"));
        assertThat(t.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(store.find(t.id())).contains(t);

        List<HistoryEvent> h = store.history(t.id());
        assertThat(h).extracting(HistoryEvent::action).containsExactly("opened", "intake", "call-answered",
                "dispatch", "start-progress", "classify", "resolve", "record-callback", "redispatch", "resolve",
                "record-callback", "close");
        assertThat(h).extracting(HistoryEvent::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
        assertThat(h.get(3).data()).containsEntry("department", "engineering");
        assertThat(h.get(8).fromState()).isEqualTo(TicketStatus.CALLBACK);
        assertThat(h.get(8).toState()).isEqualTo(TicketStatus.DISPATCHED);
        assertThat(t.version()).isEqualTo(h.size() - 1);
        assertThat(t.deadlines()).containsEntry("resolve", Instant.parse("2026-03-04T09:30:00Z"));
    }

    @Test
    void aToBeImprovedComplaintClosesOnTheAcceptedExplanationKeptInItsOwnColumns() {
        Ticket t = store.openForCall(call("explain", "13900000010"));
        t = store.updateIntake(t.id(), IntakeUpdate.none().withKind(RequestKind.COMPLAINT));
        t = store.recordCallOutcome(t.id(), new CallOutcome.Answered("alice"));
        t = store.apply(t.id(), t.version(), ALICE, new TicketAction.Dispatch("engineering", "lift noise"));
        t = store.apply(t.id(), t.version(), ALICE, new TicketAction.Classify(Classification.TO_BE_IMPROVED, "city's lift"));
        t = store.apply(t.id(), t.version(), ALICE, new TicketAction.Resolve("asked the city", "Zhao"));
        t = store.apply(t.id(), t.version(), ALICE, new TicketAction.RecordCallback(CallbackResult.UNSATISFIED, "still noisy"));
        long id = t.id();
        long v = t.version();
        assertThatThrownBy(() -> store.apply(id, v, ALICE, new TicketAction.Close("done")))
                .isInstanceOf(TransitionRefusedException.class).hasMessageContaining("record the explanation first");
        t = store.apply(t.id(), t.version(), ALICE, new TicketAction.RecordExplanation("the city replaces it in May", true));
        Ticket read = store.find(t.id()).orElseThrow();
        assertThat(read.explanation()).isEqualTo("the city replaces it in May");
        assertThat(read.explanationAccepted()).isTrue();
        t = store.apply(t.id(), t.version(), ALICE, new TicketAction.Close("accepted"));
        assertThat(t.status()).isEqualTo(TicketStatus.CLOSED);
        List<HistoryEvent> h = store.history(t.id());
        assertThat(h.get(h.size() - 2).action()).isEqualTo("record-explanation");
        assertThat(h.get(h.size() - 2).data()).containsEntry("accepted", "true");
        assertThat(h.get(h.size() - 1).data()).containsEntry("closedAs", "TO_BE_IMPROVED");
    }

    @Test
    void theDutyManagerToldIsStoredOnTheTicket() {
        Ticket t = store.openForCall(call("told", "13900000011"));
        t = store.recordCallOutcome(t.id(), new CallOutcome.NoAnswer());
        t = store.apply(t.id(), t.version(), Actor.ivr(), new TicketAction.DutyTold("duty-a", "email"));
        assertThat(store.find(t.id()).orElseThrow().dutyTold()).isEqualTo("duty-a");
        assertThat(store.history(t.id()).get(store.history(t.id()).size() - 1).data()).containsEntry("person", "duty-a");
    }

    @Test
    void aRefusedTransitionChangesNothing() {
        Ticket t = store.openForCall(call("refuse", "1"));
        Ticket before = store.find(t.id()).orElseThrow();
        assertThatThrownBy(() -> store.apply(t.id(), t.version(), ALICE, new TicketAction.StartProgress(null)))
                .isInstanceOf(TransitionRefusedException.class)
                .hasMessageContaining("cannot start-progress ticket " + t.number() + ": it is accepted");
        assertThat(store.find(t.id())).contains(before);
        assertThat(store.history(t.id())).hasSize(1);
    }

    @Test
    void aStaleVersionIsAConflictAndNothingIsOverwritten() throws Exception {
        Ticket t = store.openForCall(call("conflict", "1"));
        t = store.updateIntake(t.id(), IntakeUpdate.none().withKind(RequestKind.REPAIR));
        long v = t.version();
        Ticket first = store.apply(t.id(), v, SUE, new TicketAction.Reassign("alice", null));
        long id = t.id();
        assertThatThrownBy(() -> store.apply(id, v, SUE, new TicketAction.Reassign("bob", null)))
                .isInstanceOf(VersionConflictException.class)
                .hasMessageContaining("reload it");
        assertThat(store.find(id).orElseThrow().owner()).isEqualTo("alice");

        // Concurrent edits of one version: exactly one wins.
        Ticket current = first;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Boolean>> edits = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String owner = "agent" + i;
            edits.add(() -> {
                try {
                    store.apply(id, current.version(), SUE, new TicketAction.Reassign(owner, null));
                    return true;
                } catch (VersionConflictException e) {
                    return false;
                }
            });
        }
        long wins = pool.invokeAll(edits).stream().filter(f -> {
            try {
                return f.get();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).count();
        pool.shutdown();
        assertThat(wins).isEqualTo(1);
        assertThat(store.history(id)).hasSize(4);
    }

    @Test
    void callOutcomesAreRecordedOnceAndMissedCallsAwaitAnAgent() {
        Ticket t = store.openForCall(call("vm", "137"));
        t = store.updateIntake(t.id(), IntakeUpdate.none().withKind(RequestKind.REPAIR));
        t = store.recordCallOutcome(t.id(), new CallOutcome.Forwarded("wang", "13800000001"));
        t = store.recordCallOutcome(t.id(), new CallOutcome.Voicemail("vm-0001"));
        Ticket again = store.recordCallOutcome(t.id(), new CallOutcome.Voicemail("vm-0001"));
        assertThat(again).isEqualTo(t);
        assertThat(t.status()).isEqualTo(TicketStatus.MISSED);
        assertThat(t.awaitsAgent()).isTrue();
        assertThat(t.forwardedTo()).isEqualTo("wang");
        assertThat(store.history(t.id())).extracting(HistoryEvent::action)
                .containsExactly("opened", "intake", "call-forwarded", "call-voicemail");
        Actor duty = new Actor("wang", Role.DUTY_MANAGER);
        assertThat(store.forwardedTo("wang", clock.instant().minus(Duration.ofHours(12)), duty)).extracting(Ticket::id)
                .containsExactly(t.id());
    }

    @Test
    void callerHistoryFlagsARepeatCallerOfTheSameIssueThisQuarter() {
        Ticket old = store.openForCall(call("h1", "13911112222"));
        store.updateIntake(old.id(), IntakeUpdate.none().withKind(RequestKind.COMPLAINT).withLocation("3-2-101"));
        clock.advance(Duration.ofDays(10));
        Ticket now = store.openForCall(call("h2", "13911112222"));
        CallerHistory h = store.callerHistory("13911112222", now.id());
        assertThat(h.previous()).extracting(Ticket::id).containsExactly(old.id());
        assertThat(h.repeat()).as("the current issue is not known yet").isFalse();
        store.updateIntake(now.id(), IntakeUpdate.none().withKind(RequestKind.COMPLAINT).withLocation("3-2-101"));
        assertThat(store.callerHistory("13911112222", now.id()).repeat()).isTrue();
        assertThat(store.callerHistory("13911112222", 0).previous()).hasSize(2);
        assertThat(store.callerHistory("", 0).previous()).isEmpty();
        // next quarter: the list keeps them, the flag starts again
        clock.set(Instant.parse("2026-04-01T00:00:00Z"));
        Ticket april = store.openForCall(call("h3", "13911112222"));
        CallerHistory next = store.callerHistory("13911112222", april.id());
        assertThat(next.previous()).hasSize(2);
        assertThat(next.repeat()).isFalse();
    }

    @Test
    void aTipOffNeverShowsInTheHistoryOfAnAgentWhoMayNotSeeIt() {
        Ticket tip = store.openForCall(call("tip-h", "13933334444"));
        store.updateIntake(tip.id(), IntakeUpdate.none().withKind(RequestKind.REPORT).withLocation("gate"));
        clock.advance(Duration.ofDays(1));
        Ticket now = store.openForCall(call("tip-h2", "13933334444"));
        store.updateIntake(now.id(), IntakeUpdate.none().withKind(RequestKind.REPORT).withLocation("gate"));
        store.recordCallOutcome(now.id(), new CallOutcome.Answered("bob"));
        CallerHistory forBob = store.callerHistory("13933334444", now.id(), BOB);
        assertThat(forBob.previous()).isEmpty();
        assertThat(forBob.repeat()).isFalse();
        CallerHistory forSue = store.callerHistory("13933334444", now.id(), SUE);
        assertThat(forSue.previous()).as("a supervisor who is no tip-off handler").isEmpty();
        assertThat(forSue.repeat()).isFalse();
        CallerHistory forTina = store.callerHistory("13933334444", now.id(), TINA);
        assertThat(forTina.previous()).extracting(Ticket::id).containsExactly(tip.id());
        assertThat(forTina.repeat()).isTrue();
    }

    @Test
    void aCallOnTheAreaLineLinksItselfToTheCallersProjectTicketAsAnEscalation() {
        org.hotline.domain.escalation.ComplaintTiers tiers = new org.hotline.domain.escalation.ComplaintTiers(Map.of(
                "site", org.hotline.domain.config.ComplaintTier.PROJECT, "area", org.hotline.domain.config.ComplaintTier.AREA),
                new org.hotline.domain.ticket.RepeatRule(SHANGHAI));
        TicketStore tiered = new org.hotline.domain.escalation.TierEscalationTicketStore(store, tiers);
        Ticket site = tiered.openForCall(new CallIntake("site", "13911112222", "Wang", "u-t1", "t1", clock.instant()));
        clock.advance(Duration.ofDays(1));
        Ticket area = tiered.openForCall(new CallIntake("area", "13911112222", "Wang", "u-t2", "t2", clock.instant()));
        assertThat(area.linkedTo()).isEqualTo(site.id());
        assertThat(area.linkReason()).isEqualTo(LinkReason.ESCALATION);
        assertThat(store.find(area.id()).orElseThrow()).isEqualTo(area);
        assertThat(store.history(site.id())).last().satisfies(e -> {
            assertThat(e.action()).isEqualTo("escalated");
            assertThat(e.actor()).isEqualTo("tier-escalation");
            assertThat(e.data()).containsEntry("later", area.number());
        });
        assertThat(storage.ticketFacts().find(area.id()).orElseThrow().linkedTo()).isEqualTo(site.id());
    }

    @Test
    void aLinkToTheSameCallersEarlierTicketIsRecordedOnBothInOneTransaction() {
        Ticket first = store.openForCall(call("l1", "13911112222"));
        clock.advance(Duration.ofDays(2));
        Ticket opened = store.openForCall(call("l2", "13700000000"));
        Ticket later = store.updateIntake(opened.id(), IntakeUpdate.none().withCallbackNumber("13911112222"));
        Actor sue = SUE;
        Ticket linked = store.apply(later.id(), later.version(), sue,
                new TicketAction.LinkEarlier(first, LinkReason.SAME_ISSUE, "the same leak"));
        assertThat(linked.linkedTo()).isEqualTo(first.id());
        assertThat(store.find(later.id()).orElseThrow()).isEqualTo(linked);
        assertThat(store.history(later.id())).last().satisfies(e -> {
            assertThat(e.action()).isEqualTo("link-earlier");
            assertThat(e.actor()).isEqualTo("sue");
            assertThat(e.data()).containsEntry("earlier", first.number()).containsEntry("reason", "same-issue");
        });
        Ticket earlier = store.find(first.id()).orElseThrow();
        assertThat(earlier.version()).isEqualTo(first.version() + 1);
        assertThat(store.history(first.id())).last().satisfies(e -> {
            assertThat(e.action()).isEqualTo("linked-later");
            assertThat(e.actor()).isEqualTo("sue");
            assertThat(e.data()).containsEntry("later", later.number());
        });
        assertThat(storage.ticketFacts().find(later.id()).orElseThrow().repeat()).as("a linked ticket is a repeat").isTrue();
        // refused links change nothing
        int events = store.history(first.id()).size();
        Ticket stranger = store.openForCall(call("l3", "13800000000"));
        assertThatThrownBy(() -> store.apply(stranger.id(), stranger.version(), sue,
                new TicketAction.LinkEarlier(first, LinkReason.SAME_ISSUE, null)))
                .isInstanceOf(TransitionRefusedException.class).hasMessageContaining("another caller's");
        assertThat(store.history(first.id())).hasSize(events);
        assertThat(store.history(stranger.id())).hasSize(1);
        assertThat(store.find(first.id()).orElseThrow().version()).isEqualTo(earlier.version());
    }

    @Test
    void confidentialTicketsAreHiddenFromAgentsWhoDoNotOwnThem() {
        Ticket tip = store.openForCall(call("tip", "1"));
        tip = store.updateIntake(tip.id(), IntakeUpdate.none().withKind(RequestKind.REPORT));
        store.recordCallOutcome(tip.id(), new CallOutcome.Answered("alice"));
        Ticket plain = store.openForCall(call("plain", "2"));
        assertThat(tip.confidential()).isTrue();
        assertThat(store.search(TicketQuery.open(10), BOB)).extracting(Ticket::id).containsExactly(plain.id());
        assertThat(store.search(TicketQuery.open(10), ALICE)).extracting(Ticket::id).containsExactlyInAnyOrder(plain.id(), tip.id());
        assertThat(store.search(TicketQuery.open(10), SUE)).extracting(Ticket::id).containsExactly(plain.id());
        assertThat(store.search(TicketQuery.open(10), TINA)).hasSize(2);
        assertThat(store.find(tip.id(), BOB)).isEmpty();
        assertThat(store.find(tip.id(), SUE)).as("a supervisor is not a tip-off handler").isEmpty();
        assertThat(store.find(tip.id(), TINA)).isPresent();
        assertThat(store.search(TicketQuery.open(10).withOwner("alice"), TINA)).extracting(Ticket::id).containsExactly(tip.id());
        assertThat(store.search(TicketQuery.open(10).withUnownedOnly(true).withLine("complaints"), SUE))
                .extracting(Ticket::id).containsExactly(plain.id());
        assertThat(store.search(TicketQuery.open(10).withStatuses(Set.of(TicketStatus.CLOSED)), SUE)).isEmpty();
    }

    @Test
    void dueBeforeListsOpenTicketsByEarliestDeadline() {
        Instant base = clock.instant();
        Ticket late = store.openForCall(call("d1", "1"));
        store.updateIntake(late.id(), IntakeUpdate.none().withDeadlines(Map.of("resolve", base.plus(Duration.ofHours(5)))));
        Ticket soon = store.openForCall(call("d2", "2"));
        store.updateIntake(soon.id(), IntakeUpdate.none().withDeadlines(Map.of("plan", base.plus(Duration.ofHours(1)),
                "resolve", base.plus(Duration.ofDays(3)))));
        store.openForCall(call("d3", "3"));
        assertThat(store.dueBefore(base.plus(Duration.ofHours(2)), 10, SUE)).extracting(Ticket::id).containsExactly(soon.id());
        assertThat(store.dueBefore(base.plus(Duration.ofHours(6)), 10, SUE)).extracting(Ticket::id)
                .containsExactly(soon.id(), late.id());
    }

    @Test
    void usersDepartmentsAndHandoversRoundTrip() {
        User u = storage.users().create(new User("alice", "Alice", Role.AGENT, "$2a$12$hash", "PJSIP/1001", true));
        assertThat(storage.users().find("alice")).contains(u);
        assertThatThrownBy(() -> storage.users().create(u)).hasMessageContaining("already taken");
        assertThat(storage.users().hasActiveAdmin()).isFalse();
        storage.users().create(new User("root", null, Role.ADMIN, "$argon2id$x", null, true));
        assertThat(storage.users().hasActiveAdmin()).isTrue();
        storage.users().update(new User("alice", "Alice L", Role.SUPERVISOR, "$2a$12$new", null, false));
        assertThat(storage.users().find("alice").orElseThrow().role()).isEqualTo(Role.SUPERVISOR);
        assertThat(storage.users().list()).extracting(User::username).containsExactly("alice", "root");

        storage.departments().save(new Department("eng", "Engineering", true));
        storage.departments().save(new Department("eng", "Engineering dept", true));
        assertThat(storage.departments().list()).containsExactly(new Department("eng", "Engineering dept", true));

        User handler = storage.users().create(new User("tina", "Tina", Role.TIP_OFF_HANDLER, "$2a$12$h", "PJSIP/1002", true,
                "eng", "p-tina", true));
        assertThat(storage.users().find("tina")).contains(handler);
        assertThatThrownBy(() -> storage.users().create(new User("tom", "Tom", Role.AGENT, "$2a$12$h", "PJSIP/1002", true)))
                .hasMessageContaining("phone device 'PJSIP/1002' already belongs to another user");
        assertThatThrownBy(() -> storage.users().update(new User("alice", "Alice", Role.AGENT, "$2a$12$h", null, true,
                null, "p-tina", false))).hasMessageContaining("roster person 'p-tina'");
        assertThat(storage.users().find("tom")).isEmpty();
        Department water = new Department("water", "Water works", true, "tina",
                java.util.Set.of(RequestKind.REPAIR, RequestKind.COMPLAINT), java.util.Set.of("service"));
        storage.departments().save(water);
        assertThat(storage.departments().find("water")).contains(water);

        Handover h1 = storage.handovers().record(new Handover(0, clock.instant(), "bob", "alice", 3, "call back 2 callers", null));
        clock.advance(Duration.ofHours(8));
        Handover h2 = storage.handovers().record(new Handover(0, clock.instant(), "carol", "bob", 1, null, "quiet"));
        assertThat(storage.handovers().latest()).contains(h2);
        assertThat(storage.handovers().recent(5)).containsExactly(h2, h1);
    }
}
