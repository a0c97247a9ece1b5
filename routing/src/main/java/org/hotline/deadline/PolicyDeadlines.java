package org.hotline.deadline;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hotline.config.HotlineConfig;
import org.hotline.config.LineConfig;
import org.hotline.ticket.RequestKind;

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

    /** Due instant per step (and per step maximum) for a ticket of {@code kind} on {@code lineId}. */
    public Map<String, Instant> forTicket(String lineId, RequestKind kind, Instant accepted) {
        Map<String, Instant> due = new LinkedHashMap<>();
        config.line(lineId)
                .flatMap((LineConfig line) -> line.policyFor(kind.configName()))
                .flatMap(config::policy)
                .ifPresent(policy -> calculator.deadlines(accepted, policy).forEach(step -> {
                    due.put(step.step(), step.due());
                    step.max().ifPresent(max -> due.put(step.step() + MAX_SUFFIX, max));
                }));
        return due;
    }
}
