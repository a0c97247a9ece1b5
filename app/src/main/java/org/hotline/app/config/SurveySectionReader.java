package org.hotline.app.config;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.hotline.domain.config.TimeRange;
import org.hotline.domain.survey.SurveyPolicies;
import org.hotline.domain.survey.SurveyPolicy;
import org.hotline.domain.ticket.RequestKind;

/**
 * Reads the {@code surveys} section (see {@code app/CONFIG.md}): the survey's AMI user, the
 * default call-back policy, and overrides per line and kind whose keys left out take the
 * section's values. Stateless.
 */
final class SurveySectionReader {
    private static final Set<String> POLICY_KEYS = Set.of("first-after-working-hours", "window", "attempts",
            "retry-after-minutes", "retry-within-minutes", "once-per-days", "ring-seconds");
    private static final Pattern SOUND = Pattern.compile("[A-Za-z0-9_/.-]{1,128}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    private final ServiceSectionReader service;

    SurveySectionReader(ServiceSectionReader service) {
        this.service = service;
    }

    SurveySection surveys(YamlNode node) {
        if (node.isAbsent()) {
            return SurveySection.defaults();
        }
        Set<String> allowed = new java.util.HashSet<>(POLICY_KEYS);
        allowed.addAll(Set.of("ami", "question-prompt", "scan-every-seconds", "overrides", "comment-prompt",
                "comment-seconds"));
        return node.fields(allowed, f -> {
            var ami = f.optional("ami", service::ami);
            SurveyPolicy fallback = policy(f, SurveyPolicy.defaults());
            List<SurveyPolicies.Override> overrides = f.optional("overrides",
                    n -> n.list(o -> override(o, fallback)), List.of());
            String prompt = f.optional("question-prompt", n -> n.matching(SOUND,
                    "a sound file name without extension, such as hotline/survey-question"), SurveySection.DEFAULT_QUESTION);
            int scan = f.optional("scan-every-seconds", n -> n.integer(1, 3600, "seconds"),
                    SurveySection.DEFAULT_SCAN_SECONDS);
            String commentPrompt = f.optional("comment-prompt", n -> n.matching(SOUND,
                    "a sound file name without extension, such as hotline/survey-comment"),
                    SurveySection.DEFAULT_COMMENT_PROMPT);
            Integer commentSeconds = f.optional("comment-seconds", n -> {
                int v = n.integer(0, 600, "seconds (0: no comment)");
                if (v > 0 && v < 5) {
                    throw n.fail("expected 0 (no comment) or 5 to 600 seconds, got " + v);
                }
                return v;
            }, SurveySection.DEFAULT_COMMENT_SECONDS);
            if (fallback == null) { // a policy key failed: fields() reports it
                return null;
            }
            return new SurveySection(ami, new SurveyPolicies(ami.isPresent(), fallback, overrides), prompt,
                    Duration.ofSeconds(scan), commentPrompt, commentSeconds == null ? 0 : commentSeconds);
        });
    }

    private SurveyPolicies.Override override(YamlNode node, SurveyPolicy base) {
        Set<String> allowed = new java.util.HashSet<>(POLICY_KEYS);
        allowed.addAll(Set.of("line", "kind"));
        return node.fields(allowed, f -> {
            String line = f.optional("line", n -> n.matching(ID, "a line id")).orElse(null);
            RequestKind kind = f.optional("kind", n -> {
                try {
                    return RequestKind.parse(n.string());
                } catch (IllegalArgumentException e) {
                    throw n.fail(e.getMessage());
                }
            }).orElse(null);
            if (line == null && kind == null && !f.failed()) {
                f.fail(node, "an override names a line, a kind, or both; expected line: or kind:");
            }
            SurveyPolicy policy = policy(f, base == null ? SurveyPolicy.defaults() : base);
            return policy == null ? null : new SurveyPolicies.Override(line, kind, policy);
        });
    }

    /** The policy keys of a mapping, each defaulting to {@code base}'s value; null when one failed. */
    private static SurveyPolicy policy(YamlNode.Fields f, SurveyPolicy base) {
        int firstAfterMinutes = f.optional("first-after-working-hours", n -> n.integer(0, 240, "working hours") * 60,
                (int) base.firstAfter().toMinutes());
        TimeRange window = f.optional("window", n -> n.timeRange(TimeRange::new), base.window());
        int attempts = f.optional("attempts", n -> n.integer(1, 10, "a number of attempts"), base.attempts());
        int retryAfter = f.optional("retry-after-minutes", n -> n.integer(1, 1440, "minutes"),
                (int) base.retryAfter().toMinutes());
        int retryWithin = f.optional("retry-within-minutes", n -> n.integer(1, 1440, "minutes"),
                (int) base.retryWithin().toMinutes());
        int onceDays = f.optional("once-per-days", n -> n.integer(0, 3650, "days"), (int) base.onceEvery().toDays());
        int ring = f.optional("ring-seconds", n -> n.integer(5, 120, "seconds"), (int) base.ring().toSeconds());
        if (retryWithin < retryAfter && !f.failed()) {
            f.fail(f.node("retry-within-minutes").isAbsent() ? f.node("retry-after-minutes") : f.node("retry-within-minutes"),
                    "retry-within-minutes (" + retryWithin + ") is less than retry-after-minutes (" + retryAfter
                            + "); expected retry-after-minutes <= retry-within-minutes");
        }
        if (f.failed()) {
            return null;
        }
        return new SurveyPolicy(Duration.ofMinutes(firstAfterMinutes), window, attempts, Duration.ofMinutes(retryAfter),
                Duration.ofMinutes(retryWithin), Duration.ofDays(onceDays), Duration.ofSeconds(ring));
    }
}
