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
 * Counts are additive, so a month is the sum of its days ({@link #add(KpiCounts)}).
 *
 * <p>A deadline step is <em>decided</em> at {@code asOf} when it was met (the ticket reached its
 * {@code done-at} status), or when it is due at or before {@code asOf} and still unmet; it was
 * met on time when the ticket reached that status at or before its due instant. Not thread-safe:
 * one accumulator per computation.
 */
public final class KpiCounts {
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
