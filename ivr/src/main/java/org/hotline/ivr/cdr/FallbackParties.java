package org.hotline.ivr.cdr;

import java.util.List;
import java.util.Optional;
import org.hotline.domain.config.Person;
import org.hotline.ivr.ami.AgentDirectory;
import org.hotline.ivr.flow.DialTemplate;

/**
 * Who is behind a device that answered a call through the dialplan: the panel user of an agent's
 * phone ({@code asterisk.agents}), or the person whose configured phone the dial string reaches
 * ({@code asterisk.dial} with a {@code people[].phone}). Immutable, thread-safe.
 */
public final class FallbackParties {
    private final AgentDirectory agents;
    private final DialTemplate dial;
    private final List<Person> people;

    public FallbackParties(AgentDirectory agents, DialTemplate dial, List<Person> people) {
        this.agents = agents;
        this.dial = dial;
        this.people = List.copyOf(people);
    }

    /** The panel user whose phone {@code device} is. */
    public Optional<String> agentAt(String device) {
        return agents.userAt(device);
    }

    /** Who answered at {@code device}: the agent, else the person dialled there, else the device itself. */
    public String who(String device) {
        Optional<String> agent = agentAt(device);
        if (agent.isPresent()) {
            return agent.get();
        }
        for (Person p : people) {
            if (p.phone() != null && DialTemplate.NUMBER.matcher(p.phone()).matches()
                    && dial.dialString(p.phone()).equalsIgnoreCase(device)) {
                return p.id();
            }
        }
        return device;
    }
}
