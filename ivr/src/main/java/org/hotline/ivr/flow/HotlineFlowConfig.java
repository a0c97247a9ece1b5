package org.hotline.ivr.flow;

import java.time.Clock;
import java.util.Map;

/**
 * Settings of the hotline flow. Immutable.
 *
 * @param dial               dial template for forward targets ({@code asterisk.dial})
 * @param clock              the time source for routing decisions and intake times
 * @param keyTimeoutMillis   how long GET DATA waits for keys after a prompt
 * @param attempts           tries per question before moving on (no input or invalid input)
 * @param maxMessageSeconds  longest voice message recorded
 * @param recordingDirectory where RECORD FILE writes, relative to Asterisk's sounds directory
 *                           or absolute (e.g. {@code /var/spool/asterisk/hotline})
 * @param queueTimeoutSeconds how long a caller waits in the line's queue before the last resort
 * @param agentsByDevice     agent device to panel user ({@code asterisk.agents}), used to name
 *                           who answered a queued call
 */
public record HotlineFlowConfig(DialTemplate dial, Clock clock, int keyTimeoutMillis, int attempts,
                                int maxMessageSeconds, String recordingDirectory, int queueTimeoutSeconds,
                                Map<String, String> agentsByDevice) {

    public HotlineFlowConfig {
        agentsByDevice = Map.copyOf(agentsByDevice);
        if (keyTimeoutMillis < 1000 || attempts < 1 || attempts > 5 || maxMessageSeconds < 5 || queueTimeoutSeconds < 10) {
            throw new IllegalArgumentException(
                    "hotline flow: key timeout >= 1000 ms, 1-5 attempts, messages of >= 5 s and a queue wait >= 10 s expected");
        }
        if (!plainPath(recordingDirectory)) {
            throw new IllegalArgumentException("hotline flow: recording directory must be a plain path, got " + recordingDirectory);
        }
    }

    /** Whether {@code path} is a plain file-system path: letters, digits, {@code _ / . -}, no {@code ..}. */
    static boolean plainPath(String path) {
        return path != null && path.matches("[A-Za-z0-9_/.\\-]+") && !path.contains("..");
    }

    /** Defaults: 6 s per key entry, 3 attempts, 2-minute messages under {@code hotline/messages}, 5 minutes in the queue. */
    public static HotlineFlowConfig defaults(DialTemplate dial, Clock clock, Map<String, String> agentsByDevice) {
        return new HotlineFlowConfig(dial, clock, 6000, 3, 120, "hotline/messages", 300, agentsByDevice);
    }
}
