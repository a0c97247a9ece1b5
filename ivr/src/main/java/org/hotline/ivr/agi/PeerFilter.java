package org.hotline.ivr.agi;

import java.net.InetAddress;
import java.net.SocketAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The Asterisk hosts allowed to connect, resolved once at start (FastAGI has no
 * authentication, so the peer address is the only gate). Immutable.
 */
final class PeerFilter {
    private final Set<InetAddress> allowed;

    private PeerFilter(Set<InetAddress> allowed) {
        this.allowed = Set.copyOf(allowed);
    }

    static PeerFilter resolve(List<String> hosts) {
        Set<InetAddress> addresses = new HashSet<>();
        for (String host : hosts) {
            try {
                addresses.addAll(List.of(InetAddress.getAllByName(host)));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(
                        "asterisk.agi.allowed-hosts: cannot resolve '" + host + "'; use an IP address or a known host name", e);
            }
        }
        return new PeerFilter(addresses);
    }

    boolean allows(SocketAddress peer) {
        return peer instanceof InetSocketAddress inet && inet.getAddress() != null && allowed.contains(inet.getAddress());
    }
}
