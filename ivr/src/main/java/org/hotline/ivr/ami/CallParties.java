package org.hotline.ivr.ami;

import java.util.Map;
import java.util.Optional;

/**
 * Who is at an Asterisk device or channel: a panel user by {@code asterisk.agents} (the queue
 * members' phones), else a person of the configuration by the phone number the device dials
 * ({@code PJSIP/13800000001@trunk} is whoever has phone {@code 13800000001}). A device is only
 * ever resolved through configuration, never trusted to name anyone by itself. Immutable and
 * thread-safe.
 */
public final class CallParties {
    private final AgentDirectory agents;
    private final Map<String, String> personByPhone;

    /**
     * @param agents        the agents' phones
     * @param personByPhone configured phone number (as in {@code people[].phone}) to person id
     */
    public CallParties(AgentDirectory agents, Map<String, String> personByPhone) {
        this.agents = agents;
        this.personByPhone = Map.copyOf(personByPhone);
    }

    /** The panel user or person id at {@code deviceOrChannel}, if the configuration knows one. */
    public Optional<String> personAt(String deviceOrChannel) {
        String device = AgentDirectory.deviceOfChannel(deviceOrChannel);
        if (device.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> agent = agents.userAt(device);
        if (agent.isPresent()) {
            return agent;
        }
        int slash = device.indexOf('/');
        int at = device.indexOf('@', slash + 1);
        String number = device.substring(slash + 1, at < 0 ? device.length() : at);
        return Optional.ofNullable(personByPhone.get(number));
    }
}
