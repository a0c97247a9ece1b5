package org.hotline.app.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.hotline.domain.survey.SurveyPolicies;
import org.hotline.ivr.ami.AmiConfig;

/**
 * The {@code surveys} section: the automatic satisfaction call-back. Without {@code ami} (the
 * survey's own least-privilege AMI user) the service places no call-backs and the policies are
 * only checked.
 *
 * @param ami            the AMI login whose only write right is {@code originate}
 * @param policies       when and how often callers are called back, per line and kind
 * @param questionPrompt the sound file that asks for the 1-5 score
 * @param scanEvery      how often the service looks for call-backs to place
 * @param commentPrompt  the sound file that invites a spoken comment after the score
 * @param commentSeconds the longest comment; 0 offers none
 */
public record SurveySection(Optional<AmiConfig> ami, SurveyPolicies policies, String questionPrompt,
        Duration scanEvery, String commentPrompt, int commentSeconds) {
    public static final String DEFAULT_QUESTION = "beep";
    public static final int DEFAULT_SCAN_SECONDS = 60;
    public static final String DEFAULT_COMMENT_PROMPT = "vm-intro";
    public static final int DEFAULT_COMMENT_SECONDS = 60;

    public SurveySection {
        Objects.requireNonNull(ami, "ami");
        Objects.requireNonNull(policies, "policies");
        Objects.requireNonNull(questionPrompt, "questionPrompt");
        Objects.requireNonNull(scanEvery, "scanEvery");
        Objects.requireNonNull(commentPrompt, "commentPrompt");
    }

    /** No call-backs; the default policy. */
    public static SurveySection defaults() {
        return new SurveySection(Optional.empty(), SurveyPolicies.disabled(), DEFAULT_QUESTION,
                Duration.ofSeconds(DEFAULT_SCAN_SECONDS), DEFAULT_COMMENT_PROMPT, DEFAULT_COMMENT_SECONDS);
    }
}
