package org.hotline.domain.report;

/**
 * The indicators a hotline is judged by, for one slice (a period, and optionally a line, kind,
 * department or agent). Every formula and edge case is in {@code routing/KPIS.md}; rates are
 * fractions from 0 to 1, {@code null} when nothing was there to count (a zero denominator), never
 * a made-up 0 or 100%. Built by {@link KpiCounts#kpis()}.
 *
 * @param offered                 calls that reached the hotline (one ticket each)
 * @param answered                of them answered by a person
 * @param answeredWithin15s       answered within 15 s of the first ring
 * @param putThrough              calls that rang a person (queued or forwarded)
 * @param abandonedInIvr          callers who hung up in the menu
 * @param abandonedInQueue        callers who hung up while waiting for a person
 * @param averageSpeedOfAnswerSeconds mean first-ring-to-answer time of answered calls whose ring
 *                                time is known
 * @param forwardedToDuty         calls forwarded to a duty person
 * @param answeredByDutyA         of them answered by A
 * @param answeredByDutyB         of them answered by B
 * @param answeredByNobody        of them answered by nobody
 * @param missed                  calls the service never ran (reconciled from Asterisk's records)
 * @param answerRate              answered / offered
 * @param serviceLevel            answeredWithin15s / putThrough
 * @param tickets                 tickets accepted in the period
 * @param stepsDecided            deadline steps met, or due and unmet
 * @param stepsOnTime             of them met by their due instant
 * @param timelyHandlingRate      stepsOnTime / stepsDecided
 * @param ticketsDecided          tickets with at least one decided step
 * @param ticketsLate             of them with a step met late or overdue
 * @param delayRate               ticketsLate / ticketsDecided
 * @param dispatched              tickets dispatched at least once
 * @param redispatched            of them dispatched twice or more
 * @param redispatchRate          redispatched / dispatched
 * @param complaints              complaint tickets
 * @param repeatComplaints        of them repeats (same caller, same issue, same quarter)
 * @param repeatComplaintRate     repeatComplaints / complaints
 * @param callbacksRequired       tickets resolved (each must be called back)
 * @param callbacksAttempted      of them called back at least once
 * @param callbacksReached        of them whose caller was reached
 * @param callbackAttemptRate     callbacksAttempted / callbacksRequired
 * @param callbackReachRate       callbacksReached / callbacksRequired
 * @param satisfied               callers reached who were satisfied
 * @param satisfactionRate        satisfied / callbacksReached
 */
public record Kpis(
        long offered,
        long answered,
        long answeredWithin15s,
        long putThrough,
        long abandonedInIvr,
        long abandonedInQueue,
        Double averageSpeedOfAnswerSeconds,
        long forwardedToDuty,
        long answeredByDutyA,
        long answeredByDutyB,
        long answeredByNobody,
        long missed,
        Double answerRate,
        Double serviceLevel,
        long tickets,
        long stepsDecided,
        long stepsOnTime,
        Double timelyHandlingRate,
        long ticketsDecided,
        long ticketsLate,
        Double delayRate,
        long dispatched,
        long redispatched,
        Double redispatchRate,
        long complaints,
        long repeatComplaints,
        Double repeatComplaintRate,
        long callbacksRequired,
        long callbacksAttempted,
        long callbacksReached,
        Double callbackAttemptRate,
        Double callbackReachRate,
        long satisfied,
        Double satisfactionRate) {
}
