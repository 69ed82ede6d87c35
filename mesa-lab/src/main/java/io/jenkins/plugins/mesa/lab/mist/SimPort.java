package io.jenkins.plugins.mesa.lab.mist;

import java.time.Instant;

/** One switch interface: link state and the LLDP neighbour the switch sees. Guarded by the world's lock. */
final class SimPort {
    final String id;
    final int ifIndex;
    boolean up;
    /** Canonical MAC of the AP on the other end, or null. */
    String neighbourMac;
    /** The AP's interface on the other end ({@code eth0}), or null. */
    String neighbourPort;
    Instant lastFlapped;

    SimPort(String id, int ifIndex, Instant created) {
        this.id = id;
        this.ifIndex = ifIndex;
        this.lastFlapped = created;
    }
}
