package org.hotline.storage.redis;

import java.util.regex.Pattern;

/**
 * Key names of the dispatch queues. Every key carries the hash tag {@code {hlq}}, so in a Redis
 * Cluster all of them live in one slot and the Lua scripts may touch several atomically.
 */
final class QueueKeys {

    static final String PREFIX = "{hlq}:queue:";
    static final String LEASES = "{hlq}:leases";
    static final String LEASE_INFO = "{hlq}:lease-info";
    /** Holds of agents working claimed tickets: ticket id scored by hold expiry ms. */
    static final String HOLDS = "{hlq}:holds";
    /** The agent of each hold: ticket id -> agent id. */
    static final String HOLD_AGENT = "{hlq}:hold-agent";
    static final String WHERE = "{hlq}:where";
    /** Present while the queues are known to reflect PostgreSQL; gone after a flush. */
    static final String REBUILT = "{hlq}:rebuilt";

    private static final Pattern QUEUE_NAME = Pattern.compile("[A-Za-z0-9_.:/-]{1,80}");

    private QueueKeys() {}

    static String queue(String name) {
        if (name == null || !QUEUE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("queue name '" + name
                    + "' must be 1-80 characters of letters, digits and _ . : / -");
        }
        return PREFIX + name;
    }
}
