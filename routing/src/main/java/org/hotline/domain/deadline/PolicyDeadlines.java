package org.hotline.domain.deadline;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.hotline.domain.config.DeadlinePolicy;
import org.hotline.domain.config.DeadlineStep;
import org.hotline.domain.config.HotlineConfig;
import org.hotline.domain.config.LineConfig;
import org.hotline.domain.ticket.RequestKind;
import org.hotline.domain.ticket.Ticket;
import org.hotline.domain.ticket.TicketStatus;

/**
 * The deadlines a ticket owes: the steps of the deadline policy its line names for its kind of
 * request, counted in working time from the moment it was accepted.
 *
 * <p>Each step is one entry keyed by the step name ({@code "resolve"}); a step with a {@code max}
 * adds a second entry keyed {@code "resolve.max"}, the latest the step may be extended to. A
 * line with no policy for the kind owes nothing (an empty map). Immutable and thread-safe.
 */
public final class PolicyDeadlines {
    /** Suffix of the entry holding a step's latest extension. */
    public static final String MAX_SUFFIX = ".max";

    private final HotlineConfig config;
    private final DeadlineCalculator calculator;

    public PolicyDeadlines(HotlineConfig config, DeadlineCalculator calculator) {
        this.config = config;
        this.calculator = calculator;
    }

    /**
     * The deadlines {@code ticket} still owes: its deadlines minus those of steps its status has
     * met ({@link DeadlineStep#doneAt}; a step the policy does not name is met where
     * {@link DeadlineStep#defaultDoneAt its name} says). A step's {@code .max} entry goes with
     * the step. A closed ticket owes nothing.
     */
    public Map<String, Instant> owed(Ticket ticket) {
        if (!ticket.status().isOpen() || ticket.deadlines().isEmpty()) {
            return Map.of();
        }
        Optional<DeadlinePolicy> policy = Optional.ofNullable(ticket.kind()).flatMap(kind -> policy(ticket.line(), kind));
        Map<String, Instant> owed = new LinkedHashMap<>();
        ticket.deadlines().forEach((key, due) -> {
            String name = key.endsWith(MAX_SUFFIX) ? key.substring(0, key.length() - MAX_SUFFIX.length()) : key;
            TicketStatus doneAt = policy.flatMap(p -> p.step(name)).map(DeadlineStep::doneAt)
                    .orElseGet(() -> DeadlineStep.defaultDoneAt(name));
            if (!DeadlineStep.reached(ticket.status(), doneAt)) {
                owed.put(key, due);
            }
        });
        return owed;
    }

    /**
     * The status that meets {@code step} on a ticket of {@code kind} ({@code null}: not chosen) on
     * {@code lineId}: the policy's {@code done-at}, else {@link DeadlineStep#defaultDoneAt}. The
     * reports' {@code org.hotline.domain.report.StepRule}.
     */
    public TicketStatus doneAt(String lineId, RequestKind kind, String step) {
        return Optional.ofNullable(kind).flatMap(k -> policy(lineId, k)).flatMap(p -> p.step(step))
                .map(DeadlineStep::doneAt).orElseGet(() -> DeadlineStep.defaultDoneAt(step));
    }

    /**
     * {@link #doneAt} as the reports' rule, with a fingerprint of every {@code done-at} the
     * configuration sets (line, kind, step): it changes exactly when one of the answers does.
     */
    public org.hotline.domain.report.StepRule stepRule() {
        java.util.TreeSet<String> set = new java.util.TreeSet<>();
        for (LineConfig line : config.lines()) {
            for (RequestKind kind : RequestKind.values()) {
                policy(line.id(), kind).ifPresent(p -> p.steps().forEach(step -> set.add(line.id() + "/" + kind
                        + "/" + step.name() + "=" + step.doneAt())));
            }
        }
        String fingerprint = "policies:" + String.join(";", set);
        return new org.hotline.domain.report.StepRule() {
            @Override
            public TicketStatus doneAt(String lineId, RequestKind kind, String step) {
                return PolicyDeadlines.this.doneAt(lineId, kind, step);
            }

            @Override
            public String fingerprint() {
                return fingerprint;
            }
        };
    }

    /** Due instant per step (and per step maximum) for a ticket of {@code kind} on {@code lineId}. */
    public Map<String, Instant> forTicket(String lineId, RequestKind kind, Instant accepted) {
        Map<String, Instant> due = new LinkedHashMap<>();
        policy(lineId, kind).ifPresent(policy -> calculator.deadlines(accepted, policy).forEach(step -> {
            due.put(step.step(), step.due());
            step.max().ifPresent(max -> due.put(step.step() + MAX_SUFFIX, max));
        }));
        return due;
    }

    /** The policy {@code lineId} names for {@code kind}, if any. */
    private Optional<DeadlinePolicy> policy(String lineId, RequestKind kind) {
        return config.line(lineId).flatMap((LineConfig line) -> line.policyFor(kind.configName())).flatMap(config::policy);
    }
}
