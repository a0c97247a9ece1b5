package org.hotline.ivr.ami;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The service's AMI connections, one {@link AmiClient} per PBX ({@code asterisk.ami}: one
 * mapping, or a list for several Asterisk servers), each with its own connection, screen-pop
 * router and fallback follower, started, asked and closed together. Every PBX's rings pop on
 * the agents' screens and every PBX's fallback is recorded on the tickets.
 *
 * <p>An agent's phone lives on one of the PBXs, which the service is not told: a pause is sent
 * to every connected PBX and succeeds when one of them took it (the others answer that the
 * phone is no queue member there). Thread-safe as {@link AmiClient} is; the list is fixed.
 */
public final class AmiClientGroup implements AutoCloseable {
    private final List<AmiClient> clients;

    public AmiClientGroup(List<AmiClient> clients) {
        this.clients = List.copyOf(clients);
    }

    /** No AMI configured: nothing to connect, pops and fallback outcomes are not followed. */
    public static AmiClientGroup none() {
        return new AmiClientGroup(List.of());
    }

    public boolean isEmpty() {
        return clients.isEmpty();
    }

    public List<AmiClient> clients() {
        return clients;
    }

    /** Starts every connection in the background; returns at once. */
    public void start() {
        clients.forEach(AmiClient::start);
    }

    /** Whether every PBX's connection is logged in right now. */
    public boolean allConnected() {
        return clients.stream().allMatch(AmiClient::isConnected);
    }

    /** Each PBX's connection as {@code host:port: logged in} or {@code host:port: not connected}, joined by "; ". */
    public String describe() {
        List<String> states = new ArrayList<>();
        for (AmiClient c : clients) {
            states.add(c.address() + ": " + (c.isConnected() ? "logged in" : "not connected; reconnecting"));
        }
        return String.join("; ", states);
    }

    /** Whether a PBX last reported {@code user}'s phone paused (empty: no PBX knows it). */
    public Optional<Boolean> paused(String user) {
        return clients.stream().map(c -> c.paused(user)).flatMap(Optional::stream).reduce(Boolean::logicalOr);
    }

    /**
     * Pauses or unpauses {@code user}'s phone on every connected PBX (see {@link AmiClient#pause});
     * done when at least one PBX took it.
     *
     * @throws IOException when no PBX took it; the message says what each answered
     */
    public void pause(String user, String queue, boolean paused, String reason) throws IOException {
        if (clients.size() == 1) {
            clients.get(0).pause(user, queue, paused, reason);
            return;
        }
        List<String> refusals = new ArrayList<>();
        boolean done = false;
        for (AmiClient c : clients) {
            try {
                c.pause(user, queue, paused, reason);
                done = true;
            } catch (IOException e) {
                refusals.add(c.address() + ": " + e.getMessage());
            }
        }
        if (!done) {
            throw new IOException(String.join("; ", refusals));
        }
    }

    @Override
    public void close() {
        clients.forEach(AmiClient::close);
    }
}
