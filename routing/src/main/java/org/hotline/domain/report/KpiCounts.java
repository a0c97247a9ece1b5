package org.hotline.domain.report;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.hotline.domain.ticket.CallbackResult;
import org.hotline.domain.ticket.RequestKind;
import org.hotline.domain.ticket.TicketStatus;

/**
 * The numerators and denominators of every KPI, summed over {@link TicketFacts}: what
 * {@code routing/KPIS.md} defines, counted in one place. {@link #kpis()} turns them into rates.
 * Counts are additive, so a month is the sum of its days ({@link #add(KpiCounts)}), and a store may
 * keep them summed per day and slice ({@link KpiRollup}) as {@link #values()}.
 *
 * <p>A deadline step is <em>decided</em> at {@code asOf} when it was met (the ticket reached its
 * {@code done-at} status), or when it is due at or before {@code asOf} and still unmet; it was
 * met on time when the ticket reached that status at or before its due instant. Not thread-safe:
 * one accumulator per computation.
 */
public final class KpiCounts {
    /** How many counts {@link #values()} holds. */
    public static final int SIZE = 26;

    long tickets;
    long offered;
    long rang;
    long answered;
    long answeredWithinThreshold;
    long waitMillis;
    long waitsMeasured;
    long abandonedInIvr;
    long abandonedInQueue;
    long forwarded;
    long answeredByA;
    long answeredByB;
    long forwardedUnanswered;
    long missed;
    long stepsDecided;
    long stepsOnTime;
    long ticketsDecided;
    long ticketsLate;
    long dispatched;
    long redispatched;
    long complaints;
    long repeatComplaints;
    long callbacksRequired;
    long callbacksAttempted;
    long callbacksReached;
    long satisfied;

    /** Counts one ticket and its call. */
    public KpiCounts add(TicketFacts f, StepRule rule, Instant asOf) {
        tickets++;
        offered++;
        if (f.missed()) {
            missed++;
        }
        if (f.ringAt() != null) {
            rang++;
        }
        if (f.answeredAt() != null) {
            answered++;
            Duration wait = f.waitForAnswer();
            if (wait != null) {
                waitsMeasured++;
                waitMillis += Math.max(0, wait.toMillis());
                if (wait.compareTo(TicketFacts.SERVICE_LEVEL_THRESHOLD) <= 0) {
                    answeredWithinThreshold++;
                }
            }
        }
        if (f.abandoned() == TicketFacts.Abandoned.IVR) {
            abandonedInIvr++;
        } else if (f.abandoned() == TicketFacts.Abandoned.QUEUE) {
            abandonedInQueue++;
        }
        if (f.dutyA() != null) {
            forwarded++;
            if (f.answeredAs() == TicketFacts.AnsweredAs.DUTY_A) {
                answeredByA++;
            } else if (f.answeredAs() == TicketFacts.AnsweredAs.DUTY_B) {
                answeredByB++;
            } else if (f.answeredAt() == null) {
                forwardedUnanswered++;
            }
        }
        boolean decidedAny = false;
        boolean late = false;
        for (Map.Entry<String, Instant> step : f.deadlines().entrySet()) {
            TicketStatus doneAt = rule.doneAt(f.line(), f.kind(), step.getKey());
            Instant met = f.reached().get(doneAt);
            Instant due = step.getValue();
            if (met != null || !due.isAfter(asOf)) {
                stepsDecided++;
                decidedAny = true;
                if (met != null && !met.isAfter(due)) {
                    stepsOnTime++;
                } else {
                    late = true;
                }
            }
        }
        if (decidedAny) {
            ticketsDecided++;
            if (late) {
                ticketsLate++;
            }
        }
        if (f.dispatchCount() >= 1) {
            dispatched++;
            if (f.dispatchCount() >= 2) {
                redispatched++;
            }
        }
        if (f.kind() == RequestKind.COMPLAINT) {
            complaints++;
            if (f.repeat()) {
                repeatComplaints++;
            }
        }
        if (f.reached().containsKey(TicketStatus.RESOLVED)) {
            callbacksRequired++;
            if (f.callbackAttempts() > 0) {
                callbacksAttempted++;
            }
            if (f.lastCallback() == CallbackResult.SATISFIED || f.lastCallback() == CallbackResult.UNSATISFIED) {
                callbacksReached++;
                if (f.lastCallback() == CallbackResult.SATISFIED) {
                    satisfied++;
                }
            }
        }
        return this;
    }

    /**
     * The latest due instant of a deadline step of {@code f} not met yet, {@code null}: every step
     * is met. Until then the ticket's counts depend on {@code asOf} (a step due later is not
     * decided); from then on they are those of any later {@code asOf}, such as {@link Instant#MAX}.
     */
    public static Instant undecidedUntil(TicketFacts f, StepRule rule) {
        Instant latest = null;
        for (Map.Entry<String, Instant> step : f.deadlines().entrySet()) {
            if (f.reached().get(rule.doneAt(f.line(), f.kind(), step.getKey())) == null
                    && (latest == null || step.getValue().isAfter(latest))) {
                latest = step.getValue();
            }
        }
        return latest;
    }

    /** Adds another accumulator's counts to this one. */
    public KpiCounts add(KpiCounts o) {
        tickets += o.tickets;
        offered += o.offered;
        rang += o.rang;
        answered += o.answered;
        answeredWithinThreshold += o.answeredWithinThreshold;
        waitMillis += o.waitMillis;
        waitsMeasured += o.waitsMeasured;
        abandonedInIvr += o.abandonedInIvr;
        abandonedInQueue += o.abandonedInQueue;
        forwarded += o.forwarded;
        answeredByA += o.answeredByA;
        answeredByB += o.answeredByB;
        forwardedUnanswered += o.forwardedUnanswered;
        missed += o.missed;
        stepsDecided += o.stepsDecided;
        stepsOnTime += o.stepsOnTime;
        ticketsDecided += o.ticketsDecided;
        ticketsLate += o.ticketsLate;
        dispatched += o.dispatched;
        redispatched += o.redispatched;
        complaints += o.complaints;
        repeatComplaints += o.repeatComplaints;
        callbacksRequired += o.callbacksRequired;
        callbacksAttempted += o.callbacksAttempted;
        callbacksReached += o.callbacksReached;
        satisfied += o.satisfied;
        return this;
    }

    /** Subtracts another accumulator's counts from this one (a ticket's earlier contribution). */
    public KpiCounts subtract(KpiCounts o) {
        long[] a = values();
        long[] b = o.values();
        for (int i = 0; i < SIZE; i++) {
            a[i] -= b[i];
        }
        return set(a);
    }

    /** Tickets counted (every ticket counts once, so a slice with none has no tickets in it). */
    public long tickets() {
        return tickets;
    }

    /** Whether every count is zero. */
    public boolean isZero() {
        for (long v : values()) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The {@link #SIZE} counts in the order the fields are declared above ({@code tickets},
     * {@code offered}, {@code rang}, ... {@code satisfied}): what a store keeps per slice.
     */
    public long[] values() {
        return new long[] {tickets, offered, rang, answered, answeredWithinThreshold, waitMillis, waitsMeasured,
            abandonedInIvr, abandonedInQueue, forwarded, answeredByA, answeredByB, forwardedUnanswered, missed,
            stepsDecided, stepsOnTime, ticketsDecided, ticketsLate, dispatched, redispatched, complaints,
            repeatComplaints, callbacksRequired, callbacksAttempted, callbacksReached, satisfied};
    }

    /** Counts from {@link #values()}. */
    public static KpiCounts of(long[] values) {
        if (values.length != SIZE) {
            throw new IllegalArgumentException("expected " + SIZE + " counts, got " + values.length);
        }
        return new KpiCounts().set(values);
    }

    private KpiCounts set(long[] v) {
        int i = 0;
        tickets = v[i++];
        offered = v[i++];
        rang = v[i++];
        answered = v[i++];
        answeredWithinThreshold = v[i++];
        waitMillis = v[i++];
        waitsMeasured = v[i++];
        abandonedInIvr = v[i++];
        abandonedInQueue = v[i++];
        forwarded = v[i++];
        answeredByA = v[i++];
        answeredByB = v[i++];
        forwardedUnanswered = v[i++];
        missed = v[i++];
        stepsDecided = v[i++];
        stepsOnTime = v[i++];
        ticketsDecided = v[i++];
        ticketsLate = v[i++];
        dispatched = v[i++];
        redispatched = v[i++];
        complaints = v[i++];
        repeatComplaints = v[i++];
        callbacksRequired = v[i++];
        callbacksAttempted = v[i++];
        callbacksReached = v[i++];
        satisfied = v[i];
        return this;
    }

    /** The KPIs these counts give (rates are {@code null} where their denominator is zero). */
    public Kpis kpis() {
        return new Kpis(offered, answered, answeredWithinThreshold, rang, abandonedInIvr, abandonedInQueue,
                waitsMeasured == 0 ? null : waitMillis / 1000.0 / waitsMeasured,
                forwarded, answeredByA, answeredByB, forwardedUnanswered, missed,
                rate(answered, offered), rate(answeredWithinThreshold, rang),
                tickets, stepsDecided, stepsOnTime, rate(stepsOnTime, stepsDecided),
                ticketsDecided, ticketsLate, rate(ticketsLate, ticketsDecided),
                dispatched, redispatched, rate(redispatched, dispatched),
                complaints, repeatComplaints, rate(repeatComplaints, complaints),
                callbacksRequired, callbacksAttempted, callbacksReached,
                rate(callbacksAttempted, callbacksRequired), rate(callbacksReached, callbacksRequired),
                satisfied, rate(satisfied, callbacksReached));
    }

    private static Double rate(long numerator, long denominator) {
        return denominator == 0 ? null : (double) numerator / denominator;
    }
}
