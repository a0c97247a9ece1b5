package org.hotline.domain.survey;

import java.util.List;
import java.util.Objects;
import org.hotline.domain.ticket.RequestKind;

/**
 * The satisfaction call-back policy of every line and kind: a default, and overrides that name
 * a line, a kind, or both. The most specific override wins (line and kind, then line, then
 * kind); the first of equally specific ones.
 *
 * @param enabled   whether the service places satisfaction call-backs at all
 * @param fallback  the policy where no override applies
 * @param overrides overrides, in configuration order
 */
public record SurveyPolicies(boolean enabled, SurveyPolicy fallback, List<Override> overrides) {

    /** An override: {@code line} or {@code kind} {@code null} means any. */
    public record Override(String line, RequestKind kind, SurveyPolicy policy) {
        public Override {
            Objects.requireNonNull(policy, "policy");
            if (line == null && kind == null) {
                throw new IllegalArgumentException("an override names a line, a kind, or both");
            }
        }

        int specificity(String ticketLine, RequestKind ticketKind) {
            boolean lineMatches = line == null || line.equals(ticketLine);
            boolean kindMatches = kind == null || kind == ticketKind;
            if (!lineMatches || !kindMatches) {
                return -1;
            }
            return (line != null ? 2 : 0) + (kind != null ? 1 : 0);
        }
    }

    public SurveyPolicies {
        Objects.requireNonNull(fallback, "fallback");
        overrides = List.copyOf(overrides);
    }

    /** Satisfaction call-backs switched off (no survey AMI user configured). */
    public static SurveyPolicies disabled() {
        return new SurveyPolicies(false, SurveyPolicy.defaults(), List.of());
    }

    /** The policy of a ticket of {@code kind} (may be {@code null}) on {@code line}. */
    public SurveyPolicy policyFor(String line, RequestKind kind) {
        SurveyPolicy best = fallback;
        int bestScore = 0;
        for (Override o : overrides) {
            int score = o.specificity(line, kind);
            if (score > bestScore) {
                best = o.policy();
                bestScore = score;
            }
        }
        return best;
    }
}
