package org.hotline.panel;

/**
 * Mirrors an agent's panel state to the Asterisk queue member (AMI {@code QueuePause}). The
 * AMI client in {@code ivr} implements it; it knows which queue interface belongs to which panel
 * user ({@code asterisk.agents} in the configuration). Called from worker threads; may block for
 * the AMI round trip. Implementations are thread-safe.
 */
public interface QueueMemberControl {

    /** Pauses the agent in all its queues with a reason Asterisk records (e.g. "lunch", "wrap-up"). */
    void pause(String agent, String reason) throws QueueMemberException;

    /** Makes the agent available again in all its queues. */
    void unpause(String agent) throws QueueMemberException;

    /** Asterisk refused or could not be reached; the message says which and is shown to the agent. */
    final class QueueMemberException extends Exception {
        public QueueMemberException(String message) {
            super(message);
        }

        public QueueMemberException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
