package org.hotline.storage.spool;

import static org.assertj.core.api.Assertions.assertThat;

import org.hotline.domain.ticket.CallOutcome;
import org.junit.jupiter.api.Test;

class SpoolRecordTest {

    @Test
    void interruptedCallsAndMessagesKeptAnotherWaySurviveTheSpool() {
        for (CallOutcome outcome : new CallOutcome[] {
                new CallOutcome.Interrupted("a dependency did not answer within 3000 ms"),
                new CallOutcome.Voicemail("/var/spool/asterisk/hotline-messages/HL-2026-000001.wav",
                        CallOutcome.Voicemail.KEPT_IN_FALLBACK_DIRECTORY),
                new CallOutcome.Voicemail("hotline/messages/HL-2026-000001.wav")}) {
            SpoolRecord written = new SpoolRecord.Outcome("1700000000.1", outcome);
            assertThat(SpoolRecord.parse(written.toJson())).isEqualTo(written);
        }
    }
}
