package org.hotline.app.service;

import java.io.IOException;
import org.hotline.ivr.ami.AgentDirectory;
import org.hotline.ivr.ami.AmiClientGroup;
import org.hotline.panel.QueueMemberControl;

/**
 * Mirrors an agent's state in the panel to their phone's queue membership in Asterisk
 * (QueuePause in every queue, on every PBX). A user with no phone in {@code asterisk.agents} (a supervisor
 * at a desk) has nothing to mirror; with no AMI configured nothing is mirrored at all. When AMI
 * is configured but down, or Asterisk refuses, the agent is told.
 */
final class AmiQueueMembers implements QueueMemberControl {
    private final AmiClientGroup ami;
    private final AgentDirectory agents;

    AmiQueueMembers(AmiClientGroup ami, AgentDirectory agents) {
        this.ami = ami;
        this.agents = agents;
    }

    @Override
    public void pause(String agent, String reason) throws QueueMemberException {
        set(agent, true, reason);
    }

    @Override
    public void unpause(String agent) throws QueueMemberException {
        set(agent, false, null);
    }

    private void set(String agent, boolean paused, String reason) throws QueueMemberException {
        if (ami.isEmpty() || agents.deviceOf(agent).isEmpty()) {
            return;
        }
        try {
            ami.pause(agent, null, paused, reason);
        } catch (IOException e) {
            throw new QueueMemberException(e.getMessage(), e);
        }
    }
}
